import ArgumentParser
import TraceFormats
import TraceQuery
import TraceStore
import TraceWorkspace

/// `trex store export`: the store's traces as OTLP JSON.
struct StoreExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the store's traces (all, or those matching a query) as OTLP JSON.",
        discussion: """
        With a query, only the matching traces are written, whole (see docs/query-language.md); \
        the query runs through the store's indexes like `trex query`.

        Examples:
          trex store export --to otlp > all.json
          trex store export --to otlp -o backup.json --store ./incident-42.sqlite
          trex store export --to otlp 'service = "checkout" AND status = error' > failed-checkouts.json
        """)

    @OptionGroup var export: ExportOptions

    @Argument(help: "Only the traces matching this query.")
    var query: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        let parsed: Query?
        switch query.map(Query.result) {
        case .none: parsed = nil
        case .success(let q): parsed = q
        case .failure(let diagnostic):
            FileHandleOutput.standardError(diagnostic.rendered(query: query!))
            throw ExitCode(2)
        }
        let opened = try store.open(forReading: true)
        let workspace = Workspace(sources: [opened])
        if let parsed {
            let result = try sourceOperation { try workspace.query(parsed) }
            try export.write { emit in
                for part in result.parts { emit(part.catalog.table, part.matches.map(\.traceIndex)) }
            }
        } else {
            try export.write { emit in try sourceOperation { try workspace.forEachBatch { emit($0, nil) } } }
        }
    }
}
