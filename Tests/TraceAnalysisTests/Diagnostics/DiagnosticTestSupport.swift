import TraceModel
@testable import TraceAnalysis

/// Runs every rule on a trace and keeps the diagnostics of one kind.
func diagnostics(_ kind: DiagnosticKind, in trace: Trace, others: TraceSetIndex? = nil) -> [Diagnostic] {
    TraceDiagnostics.run(AnalysisContext(trace), others: others).filter { $0.kind == kind }
}
