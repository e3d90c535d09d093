import ArgumentParser
import TraceAnalysis
import TraceModel
import TraceStore
import TraceWorkspace

/// `trex analyze`: one trace's critical path, diagnostics, fan-out and N+1, error root causes.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Explain one trace: critical path, what the trace gets wrong, N+1 and fan-out, root cause.",
        discussion: """
        Timings are raw (as recorded) unless --adjust-skew is given. See docs/analysis.md for the \
        definitions.

        Examples:
          trex analyze 5b8efff7 traces.json
          trex analyze --adjust-skew --json 5b8efff7 traces.json
        """)

    @Argument(help: "The trace id, or a unique prefix of it.")
    var traceID: String

    @OptionGroup var input: InputOptions

    @Flag(help: "Shift children on skewed clocks into their parents (never silently: shifted spans are listed).")
    var adjustSkew = false

    @Flag(help: "Print the report as JSON.")
    var json = false

    func run() throws {
        let subject = try input.resolve().requireAnalysisSubject(traceID)
        let report = subject.report(AnalysisOptions(adjustSkew: adjustSkew))
        if json {
            try JSONOutput.write(report)
        } else {
            FileHandleOutput.standardOutput(AnalysisText(report: report).render())
        }
    }
}
