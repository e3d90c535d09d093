import TerminalCore
import TraceAnalysis
import TraceModel

/// The statistics screen (`T` from the trace list or a waterfall): per (service, operation) or
/// per service, the count, the error rate and the percentiles of duration or of self time (`t`),
/// as `trex stats` computes them over the whole workspace; sorted by any column (`s`, `S`
/// reverses); Enter lists the row's traces, slowest first.
struct StatisticsScreen {
    enum Column: Int, CaseIterable {
        case count, errors, p50, p90, p95, p99, max
        var title: String {
            switch self {
            case .count: "COUNT"
            case .errors: "ERR%"
            case .p50: "P50"
            case .p90: "P90"
            case .p95: "P95"
            case .p99: "P99"
            case .max: "MAX"
            }
        }
    }

    let statistics: TraceStatistics
    /// Per service rather than per operation (Tab).
    private(set) var byService = false
    /// Self time rather than duration (`t`).
    private(set) var selfTime = false
    private(set) var sortColumn = Column.count
    private(set) var ascending = false
    var cursor = ListCursor()

    init(_ statistics: TraceStatistics) {
        self.statistics = statistics
        cursor.count = statistics.operations.count
    }

    /// The rows shown, in order.
    var rows: [OperationStatistics] {
        let base = byService ? statistics.services : statistics.operations
        let sorted = base.enumerated().sorted { a, b in
            let (x, y) = (key(a.element), key(b.element))
            if x != y { return ascending ? x < y : x > y }
            return a.offset < b.offset
        }
        return sorted.map(\.element)
    }

    private func key(_ r: OperationStatistics) -> Double {
        let p = selfTime ? r.selfTime : r.duration
        switch sortColumn {
        case .count: return Double(r.count)
        case .errors: return r.errorRate
        case .p50: return Double(p.p50)
        case .p90: return Double(p.p90)
        case .p95: return Double(p.p95)
        case .p99: return Double(p.p99)
        case .max: return Double(p.max)
        }
    }

    enum Effect: Equatable {
        case none
        case redraw
        /// List the traces matching this query, slowest first.
        case filter(String)
    }

    mutating func perform(_ command: Command) -> Effect {
        if cursor.perform(command) { return .redraw }
        switch command {
        case .cycleSort:
            sortColumn = Column(rawValue: (sortColumn.rawValue + 1) % Column.allCases.count)!
            ascending = false
            cursor.home()
        case .reverseSort:
            ascending.toggle()
            cursor.home()
        case .toggleSelfTime:
            selfTime.toggle()
        case .toggleGrouping:
            byService.toggle()
            cursor.count = rows.count
            cursor.home()
        case .openTrace:
            guard rows.indices.contains(cursor.selected) else { return .none }
            let row = rows[cursor.selected]
            let service = DependencyGraph.queryLiteral(row.service)
            guard let operation = row.operation else { return .filter("{ resource.service.name = \(service) }") }
            return .filter("{ resource.service.name = \(service) && name = \(DependencyGraph.queryLiteral(operation)) }")
        default:
            return .none
        }
        return .redraw
    }

    /// The status line: what is shown and how it is sorted.
    var summary: String {
        let what = byService ? NumberFormat.count(statistics.services.count, "service")
            : NumberFormat.count(statistics.operations.count, "operation")
        return "Statistics · \(what) · \(selfTime ? "self time" : "duration") · sorted by \(sortColumn.title)"
            + (ascending ? " ascending" : "")
    }

    /// The number columns that fit: all from 110 columns on, else count, errors, p50, p95, p99
    /// (and the sort column), so the names keep room.
    func visibleColumns(width: Int) -> [Column] {
        guard width < 110 else { return Column.allCases }
        let narrow: [Column] = [.count, .errors, .p50, .p95, .p99]
        return narrow.contains(sortColumn) ? narrow : (narrow + [sortColumn]).sorted { $0.rawValue < $1.rawValue }
    }

    func render(in area: Rect, into buffer: inout Buffer, context: RenderContext) {
        guard area.height >= 2 else { return }
        let columns = visibleColumns(width: area.width)
        let numberWidth = selfTime ? 10 : 9
        let names = area.width - columns.count * numberWidth - 1
        let serviceWidth = byService ? names : max(8, min(24, names * 2 / 5))
        let operationWidth = byService ? 0 : max(8, names - serviceWidth - 1)
        func line(_ cells: [String], y: Int, style: Style) {
            var x = area.x
            buffer.setTruncated(" " + cells[0], x: x, y: y, width: serviceWidth, style: style)
            x += serviceWidth + 1
            if !byService {
                buffer.setTruncated(cells[1], x: x, y: y, width: operationWidth, style: style)
                x += operationWidth
            }
            for cell in cells.dropFirst(byService ? 1 : 2) {
                buffer.setTruncated(cell, x: x, y: y, width: numberWidth - 1, style: style, alignment: .right)
                x += numberWidth
            }
        }
        let titles = ["SERVICE"] + (byService ? [] : ["OPERATION"]) + columns.map {
            ($0 == .count || $0 == .errors || !selfTime ? "" : "SELF ") + $0.title + ($0 == sortColumn ? (ascending ? "▲" : "▼") : "")
        }
        line(titles, y: area.y, style: context.style(.title))
        let body = area.splitTop(1).rest
        let shown = rows
        for i in 0..<body.height {
            let index = cursor.offset + i
            guard shown.indices.contains(index) else { break }
            let r = shown[index]
            let p = selfTime ? r.selfTime : r.duration
            let approx = r.isApproximate ? "~" : ""
            func d(_ ns: Int64) -> String { DurationFormat.string(Nanoseconds(ns), ascii: !context.glyphs.hasEighthBlocks) }
            let rate = (r.errorRate * 1000).rounded() / 10
            var cells = [r.service.visiblyEscaped]
            if !byService { cells.append((r.operation ?? "").visiblyEscaped) }
            for column in columns {
                switch column {
                case .count: cells.append(NumberFormat.grouped(r.count))
                case .errors: cells.append(r.errorCount == 0 ? "-" : "\(rate)%")
                case .p50: cells.append(approx + d(p.p50))
                case .p90: cells.append(approx + d(p.p90))
                case .p95: cells.append(approx + d(p.p95))
                case .p99: cells.append(approx + d(p.p99))
                case .max: cells.append(d(p.max))
                }
            }
            var style = r.errorCount > 0 ? context.style(.error) : context.style(.text)
            if index == cursor.selected {
                style = context.selected(style)
                buffer.fill(Rect(x: body.x, y: body.y + i, width: body.width, height: 1), style: style)
            }
            line(cells, y: body.y + i, style: style)
        }
    }
}
