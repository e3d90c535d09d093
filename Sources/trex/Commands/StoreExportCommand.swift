import ArgumentParser
import TraceFormats
import TraceQuery
import TraceStore

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

    enum Target: String, ExpressibleByArgument, CaseIterable {
        case otlp
    }

    @Option(help: "The output format (\(Target.allCases.map(\.rawValue).joined(separator: ", "))).")
    var to: Target

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(help: "Indent the JSON.")
    var pretty = false

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
        let bytes: [UInt8]
        if let parsed {
            let result = try storeOperation { () throws(StoreError) in try StoreQueryEngine.run(parsed, on: opened) }
            bytes = OTLPJSONEncoder.encode(result.table, traces: result.matches.map(\.traceIndex), pretty: pretty) + [10]
        } else {
            let table = try storeOperation { () throws(StoreError) in try opened.loadAllTraces() }
            bytes = OTLPJSONEncoder.encode(table, pretty: pretty) + [10]
        }
        if let output {
            try OutputFile.write(bytes, to: output)
        } else {
            FileHandleOutput.standardOutput(bytes)
        }
    }
}
