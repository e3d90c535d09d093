import TraceModel

/// Every diagnostic of one trace: the ways it lies and the patterns worth fixing.
///
/// Runs each rule (one file each: RootsRule, OrphanRule, DuplicateSpanIDRule,
/// BadDurationRule, OutlivesParentRule, PartialTraceRule, ClockSkewRule, FanOutRule,
/// BrokenPropagationRule) and returns warnings before info, then in rule order.
/// O(n log n) overall (the fan-out grouping sorts each span's children).
public enum TraceDiagnostics {
    /// All diagnostics of a trace. Pass the analyses when already computed, and the set
    /// index of the loaded traces to look across traces (orphans' parents elsewhere, broken
    /// propagation).
    public static func run(_ context: AnalysisContext, skew: ClockSkewAnalysis? = nil,
                           fanOut: FanOutAnalysis? = nil, others: TraceSetIndex? = nil) -> [Diagnostic] {
        let skew = skew ?? ClockSkewAnalysis(context.trace, tree: context.tree, domains: context.domains)
        let fanOut = fanOut ?? FanOutAnalysis(context.trace, tree: context.tree)
        var all: [Diagnostic] = []
        all += RootsRule.find(context)
        all += PartialTraceRule.find(context)
        all += OrphanRule.find(context, others: others)
        all += DuplicateSpanIDRule.find(context)
        all += BadDurationRule.find(context)
        all += ClockSkewRule.find(context, analysis: skew)
        all += OutlivesParentRule.find(context, skew: skew)
        all += FanOutRule.find(context, analysis: fanOut)
        if let others { all += BrokenPropagationRule.find(context, index: others) }
        return all.filter { $0.severity == .warning } + all.filter { $0.severity == .info }
    }
}
