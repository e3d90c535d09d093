import TraceModel

extension TraceProblems {
    /// The problems a report's findings show: what the trace list marks and
    /// `trace:problem` matches, read off the same diagnostics and root causes `trex analyze`
    /// prints. O(diagnostics).
    public init(diagnostics: [Diagnostic], rootCause: RootCauseAnalysis) {
        self = rootCause.hasErrors ? .errorOrigin : []
        for diagnostic in diagnostics {
            switch diagnostic.kind {
            case .clockSkew: insert(.clockSkew)
            case .orphan, .partialTrace: insert(.missingSpans)
            case .nPlusOne: insert(.nPlusOne)
            case .fanOut: insert(.fanOut)
            case .brokenPropagation: insert(.brokenPropagation)
            case .outlivesParent: insert(.outlivingChildren)
            case .multipleRoots, .duplicateSpanID, .badDuration, .parentCycle: break
            }
        }
    }

    /// A trace's problems without the rest of its report (no critical path, no adjusted
    /// times): the same rules, so the same answer as `AnalysisReport.problems`. Pass the set
    /// index of the traces around it, as for the report, for the cross-trace findings.
    /// O(n log n).
    public init(of trace: Trace, others: TraceSetIndex?) {
        let context = AnalysisContext(trace)
        let skew = ClockSkewAnalysis(trace, tree: context.tree, domains: context.domains)
        let fanOut = FanOutAnalysis(trace, tree: context.tree)
        let diagnostics = TraceDiagnostics.run(context, skew: skew, fanOut: fanOut, others: others)
        self.init(diagnostics: diagnostics, rootCause: RootCauseAnalysis(trace, tree: context.tree))
    }
}

extension AnalysisReport {
    /// The trace's problems at a glance (the trace list's marks).
    public var problems: TraceProblems { TraceProblems(diagnostics: diagnostics, rootCause: rootCause) }
}
