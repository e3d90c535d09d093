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

    /// Distinct service names over every listed trace, sorted. O(traces · services).
    public var serviceNames: [String] {
        var ids = Set<StringID>()
        for summary in summaries { ids.formUnion(summary.services) }
        return ids.filter { !$0.isEmpty }.map { strings[$0] }.sorted()
    }

    /// The shortest id prefix length (at least `minimum`) that tells every listed trace apart.
    /// O(traces log traces).
    public func uniquePrefixLength(minimum: Int = 8) -> Int {
        TraceIDPrefix.uniqueLength(summaries.map(\.traceID), minimum: minimum)
    }
}
