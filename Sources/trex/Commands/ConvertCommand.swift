import ArgumentParser
import TraceFormats
import TraceStore

/// `trex convert`: any input as OTLP JSON.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Write the inputs' traces in another format (OTLP JSON).",
        discussion: """
        Spans of one trace spread over several inputs are merged; exact duplicates are dropped.

        Examples:
          trex convert --to otlp jaeger-download.json > trace.otlp.json
          trex convert --to otlp -o all.json zipkin/ collector.jsonl.gz
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

    @OptionGroup var input: InputOptions

    func run() throws {
        let catalog = try input.resolve().everything()
        let bytes = OTLPJSONEncoder.encode(catalog.table, pretty: pretty) + [10]
        if let output {
            try OutputFile.write(bytes, to: output)
        } else {
            FileHandleOutput.standardOutput(bytes)
        }
    }
}
