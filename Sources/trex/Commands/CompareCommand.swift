import ArgumentParser
import Foundation
import TraceAnalysis
import TraceModel
import TraceStore
import TraceWorkspace

/// `trex compare`: two traces merged by the path of (service, operation) from the root, or one
/// trace against the median of the other traces with its root operation.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two traces path by path, or one trace with the usual traces of its root operation.",
        discussion: """
        Spans are matched by their path of (service, operation) from the root. Each path shows the \
        span count and total duration in A and in B and the difference (B - A), paths only in A or \
        only in B and critical-path differences marked, siblings biggest difference first.

        With --baseline, A is the median of the other traces with the trace's root operation (the \
        nearest in start time, up to --baseline-limit) and B the trace: the differences say how \
        it departs from the usual. See docs/analysis.md for the definitions.

        Examples:
          trex compare 5b8efff7 9c1d0e22 traces/
          trex compare 5b8efff7 --baseline traces/
          trex compare --json 5b8efff7 9c1d0e22 traces/
        """)

    @Argument(help: "Trace A's id, or a unique prefix of it (with --baseline: the trace to compare).")
    var traceA: String

    @Argument(help: "Trace B's id, or a unique prefix of it (not with --baseline).")
    var traceB: String?

    @OptionGroup var input: InputOptions

    @Flag(help: "Compare the trace with the median of the other traces with its root operation.")
    var baseline = false

    @Option(help: "With --baseline: use at most this many traces, the nearest in start time.")
    var baselineLimit = 1_000

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        guard baselineLimit >= 1 else { throw ValidationError("--baseline-limit must be at least 1") }
        guard !baseline else { return }
        guard let traceB else { throw ValidationError("give two trace ids (A and B), or one with --baseline") }
        // `trex compare A traces/` is a forgotten B, not a trace named `traces/`.
        if input.files.isEmpty, FileManager.default.fileExists(atPath: traceB) {
            throw ValidationError("'\(traceB)' is a path on disk, not a trace id: give two trace ids (A and B), or one with --baseline")
        }
    }

    func run() throws {
        // With --baseline there is no B: a second positional argument is the first file.
        var input = self.input
        if baseline, let traceB { input.files.insert(traceB, at: 0) }
        let workspace = try input.resolve()

        let a: ComparedSide, b: ComparedSide
        var rootOperation: OperationKey?
        if baseline {
            let (catalog, index) = try workspace.requireTrace(traceA)
            let trace = catalog.trace(at: index)
            guard let sides = try sourceOperation({ try workspace.baselineSides(for: trace, limit: baselineLimit) }) else {
                FileHandleOutput.message("no other trace has the root operation \(Workspace.rootOperationText(of: trace)): --baseline needs at least one")
                throw ExitCode(1)
            }
            a = sides.base
            b = sides.trace
            rootOperation = sides.selection.rootOperation
        } else {
            let first = try workspace.requireTrace(traceA)
            let second = try workspace.requireTrace(traceB ?? "")
            a = ComparedSide(name: "A", trace: first.catalog.trace(at: first.index))
            b = ComparedSide(name: "B", trace: second.catalog.trace(at: second.index))
        }

        let comparison = TraceComparison(a.tree, b.tree)
        if json {
            try JSONOutput.write(ComparisonJSON(comparison, a: a, b: b, rootOperation: rootOperation))
        } else {
            ComparisonText(comparison: comparison, a: a, b: b).write { FileHandleOutput.standardOutput($0) }
        }
    }
}
