import ArgumentParser
import TraceAnalysis
import TraceModel
import TraceWorkspace

/// `trex lint`: what the instrumentation that wrote the traces does wrong, with how to fix it.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check the instrumentation behind the traces: propagation, sampling, loops, conventions, context.",
        discussion: """
        Each finding names the services, operations and example spans involved, explains what \
        is wrong with its figures, and says how to fix it. Rules (docs/lint.md): \
        \(LintRule.allCases.map(\.rawValue).joined(separator: ", ")).

        Exits 1 when a finding at or above --fail-on exists (default: error), so a CI job can \
        lint the traces of its integration tests.

        Examples:
          trex lint traces/
          trex lint --fail-on warning --json traces/ > lint.json
          trex lint --trace 5b8efff7 traces/
          trex lint --rule deprecated-attribute --rule attribute-type traces/
        """)

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("Lint one trace (an id or a unique prefix), its calls matched with the traces around it.",
                               valueName: "id"))
    var trace: String?

    @Option(help: ArgumentHelp("Exit 1 when a finding at or above this level exists: info, warning, error or never.",
                               valueName: "level"))
    var failOn = "error"

    @Option(help: ArgumentHelp("Only these rules (repeat for several).", valueName: "rule"))
    var rule: [String] = []

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        guard failOn == "never" || LintLevel(rawValue: failOn) != nil else {
            throw ValidationError("--fail-on takes info, warning, error or never, not \"\(failOn)\"")
        }
        for name in rule where LintRule(rawValue: name) == nil {
            throw ValidationError("no rule \"\(name)\"; the rules: \(LintRule.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let workspace = try input.resolve()
        var report: LintReport
        if let trace {
            report = try workspace.requireAnalysisSubject(trace).lint()
        } else {
            report = try sourceOperation { try workspace.lint() }
        }
        if !rule.isEmpty {
            let chosen = Set(rule.compactMap(LintRule.init(rawValue:)))
            report.findings = report.findings.filter { chosen.contains($0.rule) }
        }
        if json {
            try JSONOutput.write(report)
        } else {
            FileHandleOutput.standardOutput(LintText.render(report))
        }
        if let level = LintLevel(rawValue: failOn), !report.findings(atLeast: level).isEmpty {
            throw ExitCode(1)
        }
    }
}
