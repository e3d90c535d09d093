import TraceModel

/// What a sampling policy kept and lost of a set of traces.
public struct SamplingOutcome: Sendable, Equatable {
    /// `head 1%`.
    public var policy: String
    public var traces: Int
    public var tracesKept: Int
    public var spans: Int
    public var spansKept: Int
    public var errorTraces: Int
    public var errorTracesKept: Int
    /// Traces at or above the p99 of duration (of all traces), and those kept.
    public var slowTraces: Int
    public var slowTracesKept: Int
    /// Operations (`service span-name`) seen in the traces and in none of those kept (sorted):
    /// what a query or a dashboard would no longer know exists.
    public var vanishedOperations: [String]
    /// Traces that would come out partial if each service made its own head decision (the
    /// decision not propagated): some of their services' spans kept, others' dropped. Nil for
    /// policies with no head decision.
    public var partialTraces: Int?
    /// The p95 and p99 of trace duration: over all traces, and over the kept ones (nil when none
    /// is kept).
    public var trueP95: Nanoseconds
    public var trueP99: Nanoseconds
    public var keptP95: Nanoseconds?
    public var keptP99: Nanoseconds?
    /// The ids kept, sorted.
    public var keptIDs: [TraceID]

    init(policy: String, traces all: [SampledTrace], kept: [Bool]) {
        self.policy = policy
        traces = all.count
        let keptTraces = all.indices.filter { kept[$0] }.map { all[$0] }
        tracesKept = keptTraces.count
        spans = all.reduce(0) { $0 + $1.spanCount }
        spansKept = keptTraces.reduce(0) { $0 + $1.spanCount }
        errorTraces = all.count(where: \.hasError)
        errorTracesKept = keptTraces.count(where: \.hasError)
        let durations = all.map(\.duration.value).sorted()
        let p99 = Percentiles.nearestRank(99, ofSorted: durations)
        slowTraces = all.count { $0.duration.value >= p99 }
        slowTracesKept = keptTraces.count { $0.duration.value >= p99 }
        var keptOperations = Set<String>()
        for trace in keptTraces { keptOperations.formUnion(trace.operations) }
        var allOperations = Set<String>()
        for trace in all { allOperations.formUnion(trace.operations) }
        vanishedOperations = allOperations.subtracting(keptOperations).sorted()
        partialTraces = nil
        trueP95 = Nanoseconds(Percentiles.nearestRank(95, ofSorted: durations))
        trueP99 = Nanoseconds(p99)
        let keptDurations = keptTraces.map(\.duration.value).sorted()
        keptP95 = keptDurations.isEmpty ? nil : Nanoseconds(Percentiles.nearestRank(95, ofSorted: keptDurations))
        keptP99 = keptDurations.isEmpty ? nil : Nanoseconds(Percentiles.nearestRank(99, ofSorted: keptDurations))
        keptIDs = keptTraces.map(\.id).sorted()
    }

    /// The share of traces kept (0...1).
    public var traceShare: Double { traces == 0 ? 0 : Double(tracesKept) / Double(traces) }

    /// The share of spans kept (0...1): the share of storage.
    public var storageShare: Double { spans == 0 ? 0 : Double(spansKept) / Double(spans) }
}
