import ArgumentParser
import TraceFormats
import TraceModel
import TraceStore
import TraceWorkspace

/// `trex show`: one trace as a text waterfall, or as OTLP JSON.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one trace as an indented text waterfall.",
        discussion: """
        The trace id may be any unique prefix of the 32-digit id.

        Examples:
          trex show 5b8efff7 traces.json
          trex show --json 5b8efff798038103d269b633813fc60c traces.json > one-trace.otlp.json
        """)

    @Argument(help: "The trace id, or a unique prefix of it.")
    var traceID: String

    @OptionGroup var input: InputOptions

    @Flag(help: "Print the trace as OTLP JSON instead.")
    var json = false

    @Flag(help: "Use ASCII instead of box drawing and block characters.")
    var ascii = false

    func run() throws {
        let (catalog, index) = try input.resolve().requireTrace(traceID)
        if json {
            FileHandleOutput.standardOutput(JSONOutput.terminalSafe(OTLPJSONEncoder.encode(catalog.table, traces: [index], pretty: true) + [10]))
            return
        }
        let waterfall = TextWaterfall(width: FileHandleOutput.terminalWidth,
                                      unicode: !ascii && FileHandleOutput.localeIsUTF8)
        FileHandleOutput.standardOutput(waterfall.render(catalog.trace(at: index)))
    }
}
