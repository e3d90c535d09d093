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

    init(policy: String, population: SamplingPopulation, kept: [Bool]) {
        self.policy = policy
        let all = population.traces
        traces = all.count
        let keptIndices = all.indices.filter { kept[$0] }
        tracesKept = keptIndices.count
        spans = population.spanCount
        spansKept = keptIndices.reduce(0) { $0 + all[$1].spanCount }
        errorTraces = all.count(where: \.hasError)
        errorTracesKept = keptIndices.count { all[$0].hasError }
        let durations = population.sortedDurations
        let p99 = Percentiles.nearestRank(99, ofSorted: durations)
        slowTraces = all.count { $0.duration.value >= p99 }
        slowTracesKept = keptIndices.count { all[$0].duration.value >= p99 }
        var operationKept = [Bool](repeating: false, count: population.operationNames.count)
        for i in keptIndices {
            for operation in population.operationsOfTrace[i] { operationKept[Int(operation)] = true }
        }
        vanishedOperations = population.operationNames.indices.filter { !operationKept[$0] }.map { population.operationNames[$0] }
        partialTraces = nil
        trueP95 = Nanoseconds(Percentiles.nearestRank(95, ofSorted: durations))
        trueP99 = Nanoseconds(p99)
        let keptDurations = keptIndices.map { all[$0].duration.value }.sorted()
        keptP95 = keptDurations.isEmpty ? nil : Nanoseconds(Percentiles.nearestRank(95, ofSorted: keptDurations))
        keptP99 = keptDurations.isEmpty ? nil : Nanoseconds(Percentiles.nearestRank(99, ofSorted: keptDurations))
        keptIDs = keptIndices.map { all[$0].id }.sorted()
    }

    /// The share of traces kept (0...1).
    public var traceShare: Double { traces == 0 ? 0 : Double(tracesKept) / Double(traces) }

    /// The share of spans kept (0...1): the share of storage.
    public var storageShare: Double { spans == 0 ? 0 : Double(spansKept) / Double(spans) }
}
