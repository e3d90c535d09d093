import TraceAnalysis
import TraceModel

/// Per row of the waterfall, how many error spans and spans with a warning lie below it, so a
/// collapsed row can say what it hides (Jaeger UI's hollow marker). O(rows), once per trace.
struct HiddenProblems: Sendable {
    /// Error spans strictly below each position.
    let errors: [Int32]
    /// Spans with a warning diagnostic strictly below each position.
    let warnings: [Int32]

    init(_ tree: WaterfallTree, trace: Trace, diagnosticsBySpan: [Int: [Diagnostic]]) {
        var errors = [Int32](repeating: 0, count: tree.count)
        var warnings = [Int32](repeating: 0, count: tree.count)
        // Positions are in pre-order: children come after their parent, so one backward pass
        // adds each row's totals into its parent.
        for position in stride(from: tree.count - 1, through: 0, by: -1) {
            let parent = Int(tree.parentPosition[position])
            guard parent >= 0 else { continue }
            var ownError: Int32 = 0, ownWarning: Int32 = 0
            if case .span(let local) = tree.nodes[position] {
                if trace[Int(local)].status == .error { ownError = 1 }
                if diagnosticsBySpan[Int(local)]?.contains(where: { $0.severity == .warning }) == true { ownWarning = 1 }
            }
            errors[parent] += errors[position] + ownError
            warnings[parent] += warnings[position] + ownWarning
        }
        self.errors = errors
        self.warnings = warnings
    }
}
