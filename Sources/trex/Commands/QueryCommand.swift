import ArgumentParser
import TerminalCore
import TraceModel
import TraceQuery
import TraceStore
import TraceWorkspace

/// `trex query`: the traces (or spans) that match a query.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Print the traces with a span matching a query (see docs/query-language.md).",
        discussion: """
        A trace matches when at least one of its spans satisfies the whole query. Exit status: 0 \
        with matches, 1 with none, 2 when the query is wrong (the message shows where).

        Examples:
          trex query 'Duration > 5s AND service.name="checkout"' traces.json
          trex query 'user.id = "12345"'                  (the trace store)
          trex query 'Status = ERROR AND span.name="database.query"' --spans traces/
          trex query '{ kind = server } >> { status = error }' --json traces.json
        """)

    @Argument(help: "The query.")
    var expression: String

    @OptionGroup var input: InputOptions

    @Flag(help: "Print one row per matching span instead of one per trace.")
    var spans = false

    @Flag(help: "Print JSON: the trace objects of `trex list --json` plus matchedSpans.")
    var json = false

    func run() throws {
        let query = try QueryArgument.parse(expression)
        if query.isMetrics {
            FileHandleOutput.standardError("note: a metrics query: `trex metrics` answers it with series over time; "
                                           + "these are the traces it counts")
        }
        let workspace = try input.resolve(query: query)
        let found = try sourceOperation { try workspace.query(query) }
        if found.matchCount == 0 {
            FileHandleOutput.message("no trace matches \(expression)")
            for hint in try sourceOperation({ try workspace.hints(for: query) }) {
                FileHandleOutput.standardError("hint: " + hint.visiblyEscaped)
            }
            if json { FileHandleOutput.standardOutput("[]\n") }
            throw ExitCode(1)
        }
        let ordered = found.orderedMatches
        let idWidth = try sourceOperation { try workspace.uniquePrefixLength() }
        if spans {
            try printSpans(ordered, idWidth: idWidth)
            return
        }
        let rows = ordered.map { catalog, match in
            let trace = catalog.trace(at: match.traceIndex)
            return TraceRow(catalog: catalog, index: match.traceIndex,
                            matchedSpans: match.matchedSpans.map { trace[Int($0)].spanID })
        }
        if json {
            try JSONOutput.write(rows.map(\.json))
        } else {
            TraceRow.table(rows, idWidth: idWidth, showMatches: true).write(to: FileHandleOutput.standardOutput)
        }
    }

    private struct SpanJSON: Encodable {
        var traceId: String
        var spanId: String
        var parentSpanId: String?
        var service: String
        var name: String
        var kind: String
        var status: String
        var startUnixNano: Int64
        var durationNano: Int64
    }

    private func printSpans(_ matches: [(catalog: TraceCatalog, match: TraceMatch)], idWidth: Int) throws {
        var rows: [SpanJSON] = []
        var shownIDs: [String] = []   // as `list` shows them: the written id, or a prefix of the shown hex
        for (catalog, match) in matches {
            let table = catalog.table
            let trace = catalog.trace(at: match.traceIndex)
            let shown = table.writtenID(of: trace.id) ?? String(trace.id.shownHex.prefix(idWidth))
            for local in match.matchedSpans {
                let span = trace[Int(local)]
                shownIDs.append(shown)
                rows.append(SpanJSON(
                    traceId: trace.id.hex, spanId: span.spanID.hex,
                    parentSpanId: span.parentSpanID.isValid ? span.parentSpanID.hex : nil,
                    service: table.serviceName(of: span), name: table.strings[span.name], kind: span.kind.name,
                    status: span.status.name, startUnixNano: span.start.unixNanos, durationNano: span.duration.value))
            }
        }
        if json {
            try JSONOutput.write(rows)
            return
        }
        var text = TextTable([.init("TRACE"), .init("SPAN"), .init("START (UTC)"), .init("SERVICE", maxWidth: 24),
                              .init("SPAN NAME", maxWidth: 48), .init("KIND"), .init("STATUS"), .init("DURATION", .right)])
        for (row, shown) in zip(rows, shownIDs) {
            text.append([shown, row.spanId,
                         TimestampFormat.utc(Timestamp(unixNanos: row.startUnixNano)), row.service, row.name, row.kind,
                         row.status, DurationFormat.string(Nanoseconds(row.durationNano))])
        }
        FileHandleOutput.standardOutput(text.render())
    }
}
