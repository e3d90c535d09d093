import ArgumentParser
import TraceFormats
import TraceStore

/// `trex store export`: the store's traces as OTLP JSON.
struct StoreExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every trace in the store as OTLP JSON.",
        discussion: """
        Examples:
          trex store export --to otlp > all.json
          trex store export --to otlp -o backup.json --store ./incident-42.sqlite
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

    @OptionGroup var store: StoreOptions

    func run() throws {
        let opened = try store.open()
        let table = try storeOperation { () throws(StoreError) in try opened.loadAllTraces() }
        let bytes = OTLPJSONEncoder.encode(table, pretty: pretty) + [10]
        if let output {
            try OutputFile.write(bytes, to: output)
        } else {
            FileHandleOutput.standardOutput(bytes)
        }
    }
}
