import TraceModel

/// Wide fan-out: a span with at least `AnalysisThresholds.wideFanOutMinimumConcurrency`
/// children running at one moment.
public struct WideFanOutFinding: Sendable, Hashable {
    public var parent: Int
    /// All children of the parent.
    public var childCount: Int
    /// The most children running at one moment.
    public var maxConcurrency: Int
    /// The child that finished last (longest on ties): the one the parent waited for.
    public var slowest: Int
    /// The most common operation among the children and how many calls it made.
    public var mainService: StringID
    public var mainName: StringID
    public var mainCount: Int
}
