import ArgumentParser
import ExplorerUI
import TraceFormats
import TraceModel
import TraceStore
import TraceWorkspace

/// `trex show`: one trace as a text waterfall, or as OTLP JSON.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one trace as the explorer's waterfall, as text.",
        discussion: """
        The trace id may be any unique prefix of the id as shown. Every span is expanded; the second line names the findings of `trex analyze`.

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
        let workspace = try input.resolve()
        if json {
            let (catalog, index) = try workspace.requireTrace(traceID)
            FileHandleOutput.standardOutput(JSONOutput.terminalSafe(OTLPJSONEncoder.encode(catalog.table, traces: [index], pretty: true) + [10]))
            return
        }
        // The explorer's waterfall, every span expanded, drawn as text.
        let subject = try workspace.requireAnalysisSubject(traceID)
        var chunk = ""
        var lines = 0
        WaterfallText.write(subject, width: FileHandleOutput.terminalWidth, unicode: !ascii && FileHandleOutput.localeIsUTF8) { line in
            chunk += line + "\n"
            lines += 1
            if lines % 4_096 == 0 {
                FileHandleOutput.standardOutput(chunk)
                chunk = ""
            }
        }
        FileHandleOutput.standardOutput(chunk)
    }
}
