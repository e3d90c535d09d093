import TraceModel

/// The trace list: one summary per trace, earliest start first, with the strings its ids name.
///
/// What the trace list views and `trex list` need, produced without loading any span by the
/// persistent store (it reads only its `traces` table) and for free by an in-memory catalog.
public struct TraceListing: Sendable {
    /// The table `summaries`' string ids (root service, root name, services) refer to.
    public let strings: StringTable
    /// Ordered by start time, then trace id.
    public let summaries: [TraceSummary]

    public init(strings: StringTable, summaries: [TraceSummary]) {
        self.strings = strings
        self.summaries = summaries
    }

    public var count: Int { summaries.count }
}
