import TerminalCore
import TraceAnalysis
import TraceModel
import TraceWorkspace

/// The statistics screen (`T` from the trace list or a waterfall): per (service, operation) or
/// per service, the count, the error rate, the percentiles of duration or of self time (`t`)
/// and the share of critical-path time, as `trex stats` computes them over the whole workspace;
/// sorted by any column (`s`, `S` reverses); Enter lists the row's traces, slowest first.
///
/// `c` compares the first and second half of the time range, `w` two windows the user writes
/// (`trex stats --windows`): each percentile in the second window with its change and a mark
/// where it moved beyond noise (`PercentileChange`), regressions first.
struct StatisticsScreen {
    enum Column: Int, CaseIterable {
        case count, errors, p50, p90, p95, p99, max, critical
        var title: String {
            switch self {
            case .count: "COUNT"
            case .errors: "ERR%"
            case .p50: "P50"
            case .p90: "P90"
            case .p95: "P95"
            case .p99: "P99"
            case .max: "MAX"
            case .critical: "CRIT%"
            }
        }

        var isPercentile: Bool { [.p50, .p90, .p95, .p99, .max].contains(self) }
    }

    /// Two windows compared, and what they are.
    struct Comparison {
        var result: StatisticsComparison
        /// "first half · second half" or the windows as written, for the summary.
        var label: String
        /// The trace counts of the windows.
        var traces: (first: Int, second: Int)
    }

    let statistics: TraceStatistics
    /// Per service rather than per operation (Tab).
    private(set) var byService = false
    /// Self time rather than duration (`t`).
    private(set) var selfTime = false
    private(set) var sortColumn = Column.count
    private(set) var ascending = false
    /// The windows compared, when on (`c`, `w`).
    private(set) var comparison: Comparison?
    /// Sorting in comparison: regressions first until a column is picked.
    private var comparisonSortChosen = false
    var cursor = ListCursor()

    init(_ statistics: TraceStatistics) {
        self.statistics = statistics
        cursor.count = statistics.operations.count
    }

    /// The rows shown, in order.
    var rows: [OperationStatistics] {
        let base = byService ? statistics.services : statistics.operations
        return Self.ordered(base, ascending: ascending) { key($0) }
    }

    /// The compared rows shown, in order: with no column picked, as `trex stats --windows`
    /// orders them (`StatisticsComparison.regressionsFirst`); else by the column (the change of
    /// a percentile, the count in B).
    var comparedRows: [StatisticsComparison.Row] {
        guard let comparison else { return [] }
        let base = byService ? comparison.result.services : comparison.result.operations
        guard comparisonSortChosen else { return StatisticsComparison.regressionsFirst(base, selfTime: selfTime) }
        return Self.ordered(base, ascending: ascending) { compareKey($0) }
    }

    private static func ordered<Row>(_ rows: [Row], ascending: Bool, by key: (Row) -> Double) -> [Row] {
        rows.enumerated().map { ($0, $1, key($1)) }.sorted { a, b in
            if a.2 != b.2 { return ascending ? a.2 < b.2 : a.2 > b.2 }
            return a.0 < b.0
        }.map(\.1)
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
        case .critical: return r.criticalShare
        }
    }

    func changes(_ row: StatisticsComparison.Row) -> StatisticsComparison.Changes {
        selfTime ? row.selfTime : row.duration
    }

    private func compareKey(_ row: StatisticsComparison.Row) -> Double {
        let c = changes(row)
        switch sortColumn {
        case .count: return Double(row.after?.count ?? 0)
        case .errors: return row.after?.errorRate ?? 0
        case .p50: return c.p50.relativeChange ?? 0
        case .p90: return c.p90.relativeChange ?? 0
        case .p95: return c.p95.relativeChange ?? 0
        case .p99: return c.p99.relativeChange ?? 0
        case .max: return c.max.relativeChange ?? 0
        case .critical: return row.after?.criticalShare ?? 0
        }
    }

    /// How many rows the current mode shows.
    private var rowCount: Int {
        guard let comparison else { return byService ? statistics.services.count : statistics.operations.count }
        return byService ? comparison.result.services.count : comparison.result.operations.count
    }

    enum Effect: Equatable {
        case none
        case redraw
        /// List the traces matching this query, slowest first.
        case filter(String)
        /// Compare these windows (the app reads the workspace).
        case compare(StatisticsWindows)
        /// Ask for two windows.
        case askForWindows
    }

    mutating func perform(_ command: Command) -> Effect {
        if cursor.perform(command) { return .redraw }
        switch command {
        case .cycleSort:
            sortColumn = Column(rawValue: (sortColumn.rawValue + 1) % Column.allCases.count)!
            ascending = false
            comparisonSortChosen = true
            cursor.home()
        case .reverseSort:
            ascending.toggle()
            comparisonSortChosen = true
            cursor.home()
        case .toggleSelfTime:
            selfTime.toggle()
        case .toggleGrouping:
            byService.toggle()
            cursor.count = rowCount
            cursor.home()
        case .compareHalves:
            if comparison != nil {
                comparison = nil
                cursor.count = rowCount
                cursor.home()
                return .redraw
            }
            return .compare(.halves)
        case .compareWindows:
            return .askForWindows
        case .openTrace:
            guard let (service, operation) = selectedName else { return .none }
            let s = DependencyGraph.queryLiteral(service)
            guard let operation else { return .filter("{ resource.service.name = \(s) }") }
            return .filter("{ resource.service.name = \(s) && name = \(DependencyGraph.queryLiteral(operation)) }")
        default:
            return .none
        }
        return .redraw
    }

    /// Shows two windows compared, regressions first.
    mutating func show(_ comparison: Comparison) {
        self.comparison = comparison
        comparisonSortChosen = false
        ascending = false
        cursor.count = rowCount
        cursor.home()
    }

    /// The selected row's service and operation (nil for a service row).
    private var selectedName: (String, String?)? {
        if comparison != nil {
            let shown = comparedRows
            guard shown.indices.contains(cursor.selected) else { return nil }
            return (shown[cursor.selected].service, shown[cursor.selected].operation)
        }
        let shown = rows
        guard shown.indices.contains(cursor.selected) else { return nil }
        return (shown[cursor.selected].service, shown[cursor.selected].operation)
    }

    /// The status line: what is shown and how it is sorted.
    var summary: String {
        let what = byService ? NumberFormat.count(statistics.services.count, "service")
            : NumberFormat.count(statistics.operations.count, "operation")
        let measure = selfTime ? "self time" : "duration"
        if let comparison {
            let regressed = (byService ? comparison.result.services : comparison.result.operations).filter(\.regressed).count
            let order = comparisonSortChosen ? "change of \(sortColumn.title)" + (ascending ? " ascending" : "") : "regressions first"
            return "Statistics · \(NumberFormat.count(regressed, byService ? "service" : "operation")) regressed · "
                + "\(comparison.label) (\(NumberFormat.grouped(comparison.traces.first)) → "
                + "\(NumberFormat.grouped(comparison.traces.second)) traces) · \(measure) · \(order)"
        }
        return "Statistics · \(what) · \(measure) · sorted by \(sortColumn.title)" + (ascending ? " ascending" : "")
    }

    /// The number columns that fit: all from 110 columns on (comparing: 150), else count,
    /// errors, p50, p95, p99 (comparing: count, p50, p95, p99) and the sort column, so the
    /// names keep room.
    func visibleColumns(width: Int) -> [Column] {
        let comparing = comparison != nil
        guard width < (comparing ? 150 : 120) else { return Column.allCases }
        let narrow: [Column] = comparing ? [.count, .p50, .p95, .p99] : [.count, .errors, .p50, .p95, .p99]
        return narrow.contains(sortColumn) ? narrow : (narrow + [sortColumn]).sorted { $0.rawValue < $1.rawValue }
    }

    func render(in area: Rect, into buffer: inout Buffer, context: RenderContext) {
        guard area.height >= 2 else { return }
        let columns = visibleColumns(width: area.width)
        let comparing = comparison != nil
        func width(_ c: Column) -> Int {
            if comparing && c.isPercentile { return area.width < 150 ? 15 : 17 }
            return c == .critical ? 8 : selfTime && c.isPercentile ? 10 : 9
        }
        let names = area.width - columns.reduce(0) { $0 + width($1) } - 1
        let serviceWidth = byService ? names : max(8, min(24, names * 2 / 5))
        let operationWidth = byService ? 0 : max(8, names - serviceWidth - 1)
        func line(_ cells: [(String, Style)], y: Int, style: Style) {
            var x = area.x
            buffer.setTruncated(" " + cells[0].0, x: x, y: y, width: serviceWidth, style: style)
            x += serviceWidth + 1
            if !byService {
                buffer.setTruncated(cells[1].0, x: x, y: y, width: operationWidth, style: style)
                x += operationWidth
            }
            for (column, cell) in zip(columns, cells.dropFirst(byService ? 1 : 2)) {
                buffer.setTruncated(cell.0, x: x, y: y, width: width(column) - 1, style: cell.1, alignment: .right)
                x += width(column)
            }
        }
        let titleStyle = context.style(.title)
        let titles = ["SERVICE"] + (byService ? [] : ["OPERATION"]) + columns.map { column in
            let prefix = selfTime && column.isPercentile ? "SELF " : ""
            let suffix = comparing && column != .critical ? (column.isPercentile ? " B Δ" : " B") : ""
            let order = column == sortColumn && (!comparing || comparisonSortChosen) ? (ascending ? "▲" : "▼") : ""
            return prefix + column.title + suffix + order
        }
        line(titles.map { ($0, titleStyle) }, y: area.y, style: titleStyle)
        let body = area.splitTop(1).rest
        let plain = comparing ? [] : rows
        let compared = comparing ? comparedRows : []
        for i in 0..<body.height {
            let index = cursor.offset + i
            var cells: [(String, Style)]
            var style: Style
            if comparing {
                guard compared.indices.contains(index) else { break }
                let row = compared[index]
                style = (row.after?.errorCount ?? 0) > 0 ? context.style(.error) : context.style(.text)
                if index == cursor.selected { style = context.selected(style) }
                cells = comparedCells(row, columns: columns, style: style, selected: index == cursor.selected, context: context)
            } else {
                guard plain.indices.contains(index) else { break }
                let r = plain[index]
                style = r.errorCount > 0 ? context.style(.error) : context.style(.text)
                if index == cursor.selected { style = context.selected(style) }
                cells = plainCells(r, columns: columns, context: context).map { ($0, style) }
            }
            if index == cursor.selected {
                buffer.fill(Rect(x: body.x, y: body.y + i, width: body.width, height: 1), style: style)
            }
            line(cells, y: body.y + i, style: style)
        }
    }

    private func plainCells(_ r: OperationStatistics, columns: [Column], context: RenderContext) -> [String] {
        let p = selfTime ? r.selfTime : r.duration
        let approx = r.isApproximate ? "~" : ""
        func d(_ ns: Int64) -> String { DurationFormat.string(Nanoseconds(ns), ascii: !context.glyphs.hasEighthBlocks) }
        var cells = [r.service.visiblyEscaped]
        if !byService { cells.append((r.operation ?? "").visiblyEscaped) }
        for column in columns {
            switch column {
            case .count: cells.append(NumberFormat.grouped(r.count))
            case .errors: cells.append(Self.errorRate(r))
            case .p50: cells.append(approx + d(p.p50))
            case .p90: cells.append(approx + d(p.p90))
            case .p95: cells.append(approx + d(p.p95))
            case .p99: cells.append(approx + d(p.p99))
            case .max: cells.append(d(p.max))
            case .critical: cells.append(Self.share(r.criticalShare))
            }
        }
        return cells
    }

    /// A compared row's cells: counts and error rates in B, each percentile in B with its change
    /// and mark, the mark's cell in the error role when it regressed and `improved` when it
    /// improved.
    private func comparedCells(_ row: StatisticsComparison.Row, columns: [Column], style: Style, selected: Bool,
                               context: RenderContext) -> [(String, Style)] {
        let ascii = !context.glyphs.hasEighthBlocks
        var cells = [(row.service.visiblyEscaped, style)]
        if !byService { cells.append(((row.operation ?? "").visiblyEscaped, style)) }
        let c = changes(row)
        func percentile(_ change: PercentileChange) -> (String, Style) {
            guard change.before != 0 || change.after != 0 else { return ("-", style) }
            let value = change.after == 0 ? "-" : DurationFormat.string(Nanoseconds(change.after), ascii: ascii)
            let text = "\(value) \(change.changeText) \(change.mark(ascii: ascii))"
            switch change.verdict {
            case .regressed: return (text, selected ? style : context.style(.error))
            case .improved: return (text, selected ? style : context.style(.improved))
            default: return (text, style)
            }
        }
        for column in columns {
            switch column {
            case .count: cells.append((row.after.map { NumberFormat.grouped($0.count) } ?? "-", style))
            case .errors: cells.append((row.after.map(Self.errorRate) ?? "-", style))
            case .p50: cells.append(percentile(c.p50))
            case .p90: cells.append(percentile(c.p90))
            case .p95: cells.append(percentile(c.p95))
            case .p99: cells.append(percentile(c.p99))
            case .max: cells.append(percentile(c.max))
            case .critical: cells.append((row.after.map { Self.share($0.criticalShare) } ?? "-", style))
            }
        }
        return cells
    }

    static func errorRate(_ r: OperationStatistics) -> String {
        r.errorCount == 0 ? "-" : "\((r.errorRate * 1000).rounded() / 10)%"
    }

    static func share(_ x: Double) -> String {
        x <= 0 ? "-" : x < 0.001 ? "<0.1%" : "\((x * 1000).rounded() / 10)%"
    }
}
