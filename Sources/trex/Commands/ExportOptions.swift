import ArgumentParser
import TraceFormats
import TraceModel

/// `--to`, `-o` and `--pretty`: where and how `convert` and `store export` write traces.
struct ExportOptions: ParsableArguments {
    enum Target: String, ExpressibleByArgument, CaseIterable {
        case otlp
    }

    @Option(help: "The output format (\(Target.allCases.map(\.rawValue).joined(separator: ", "))).")
    var to: Target

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(help: "Indent the JSON.")
    var pretty = false

    /// Writes the traces (indices into `table.traces`; all when nil) as OTLP JSON.
    func write(_ table: SpanTable, traces: [Int]? = nil) throws {
        // Terminal-safe whether it goes to a file or a terminal: the same JSON either way.
        let bytes = JSONOutput.terminalSafe(OTLPJSONEncoder.encode(table, traces: traces, pretty: pretty) + [10])
        if let output {
            try OutputFile.write(bytes, to: output)
        } else {
            FileHandleOutput.standardOutput(bytes)
        }
    }
}
