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
        try write { emit in emit(table, traces) }
    }

    /// Writes the traces `produce` hands over, batch by batch, as one OTLP JSON request
    /// (`OTLPJSONStream`): memory holds one batch, whatever the total.
    func write(_ produce: (_ emit: (SpanTable, [Int]?) -> Void) throws -> Void) throws {
        var stream = OTLPJSONStream(pretty: pretty)
        let file = try output.map(OutputFile.init(path:))
        // Terminal-safe whether it goes to a file or a terminal: the same JSON either way.
        func put(_ bytes: [UInt8]) {
            let safe = JSONOutput.terminalSafe(bytes)
            if let file { file.append(safe) } else { FileHandleOutput.standardOutput(safe) }
        }
        try produce { table, traces in put(stream.write(table, traces: traces)) }
        put(stream.finish() + [10])
        try file?.commit()
    }
}
