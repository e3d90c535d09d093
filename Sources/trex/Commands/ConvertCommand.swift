import ArgumentParser
import TraceFormats
import TraceStore
import TraceWorkspace

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

    @OptionGroup var export: ExportOptions

    @OptionGroup var input: InputOptions

    func run() throws {
        let workspace = try input.resolve()
        try export.write { emit in try sourceOperation { try workspace.forEachBatch { emit($0, nil) } } }
    }
}
