import TraceModel
import TraceStore

/// One trace as `trex list` and `trex query` print it.
struct TraceRow {
    let summary: TraceSummary
    let rootService: String
    let rootName: String
    let services: [String]
    /// Span ids that matched a query (empty for plain listings).
    var matchedSpans: [SpanID] = []
    /// The trace's problems, when asked for (`trex list --problems`).
    var problems: TraceProblems?

    init(catalog: TraceCatalog, index: Int, matchedSpans: [SpanID] = []) {
        self.init(summary: catalog.summaries[index], strings: catalog.table.strings, matchedSpans: matchedSpans)
    }

    /// A row from a summary whose string ids refer to `strings` (a `TraceListing`'s, say).
    init(summary s: TraceSummary, strings: StringTable, matchedSpans: [SpanID] = []) {
        summary = s
        rootService = strings[s.rootService]
        rootName = strings[s.rootName]
        services = s.services.map { strings[$0] }
        self.matchedSpans = matchedSpans
    }

    /// The `--json` object: the keys issue #2 fixes, plus `matchedSpans` for queries.
    struct JSON: Encodable {
        var traceId: String
        var rootService: String
        var rootName: String
        var startUnixNano: Int64
        var durationNano: Int64
        var spanCount: Int
        var errorCount: Int
        var services: [String]
        var matchedSpans: [String]?
        var problems: [String]?
    }

    var json: JSON {
        JSON(traceId: summary.traceID.hex, rootService: rootService, rootName: rootName,
             startUnixNano: summary.start.unixNanos, durationNano: summary.duration.value,
             spanCount: summary.spanCount, errorCount: summary.errorCount, services: services,
             matchedSpans: matchedSpans.isEmpty ? nil : matchedSpans.map(\.hex),
             problems: problems.map { $0.elements.map(\.name) })
    }

    /// The aligned table with a trace-id prefix column wide enough to tell traces apart.
    static func table(_ rows: [TraceRow], idWidth: Int, showMatches: Bool = false, showProblems: Bool = false) -> TextTable {
        var columns: [TextTable.Column] = [
            .init("TRACE"), .init("START (UTC)"), .init("SERVICE", maxWidth: 24), .init("ROOT SPAN", maxWidth: 40),
            .init("DURATION", .right), .init("SPANS", .right), .init("ERRORS", .right),
        ]
        if showMatches { columns.append(.init("MATCHED", .right)) }
        if showProblems { columns.append(.init("PROBLEMS")) }
        columns.append(.init("SERVICES", maxWidth: 60))
        var table = TextTable(columns)
        for row in rows {
            let s = row.summary
            var cells = [
                s.writtenID ?? String(s.traceID.shownHex.prefix(idWidth)), TimestampFormat.utc(s.start),
                row.rootService.isEmpty ? "?" : row.rootService, row.rootName.isEmpty ? "?" : row.rootName,
                DurationFormat.string(s.duration), String(s.spanCount), s.errorCount > 0 ? String(s.errorCount) : "-",
            ]
            if showMatches { cells.append(String(row.matchedSpans.count)) }
            if showProblems { cells.append(row.problems.map { $0.isEmpty ? "-" : $0.name } ?? "-") }
            cells.append(row.services.joined(separator: ","))
            table.append(cells)
        }
        return table
    }
}
