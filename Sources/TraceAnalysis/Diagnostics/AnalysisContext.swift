import TraceModel

/// One trace with the indexes several analyses share, computed once.
public struct AnalysisContext: Sendable {
    public let trace: Trace
    public let tree: TraceTree
    public let domains: ClockDomains
    public let duplicates: DuplicateSpanIDs

    /// Builds what is not given. O(n) plus O(resources).
    public init(_ trace: Trace, tree: TraceTree? = nil, domains: ClockDomains? = nil) {
        self.trace = trace
        self.tree = tree ?? TraceTree(trace)
        self.domains = domains ?? ClockDomains(trace.table)
        duplicates = DuplicateSpanIDs(trace)
    }

    var table: SpanTable { trace.table }

    func label(_ span: Int) -> String { SpanLabel.of(trace[span], in: trace.table) }
}
