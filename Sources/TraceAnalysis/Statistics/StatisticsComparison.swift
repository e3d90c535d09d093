import TraceModel

/// The statistics of two windows of time (or two inputs) side by side: for each (service,
/// operation) and each service, the count and error rate in each and how each percentile of
/// duration and of self time moved, with a verdict beyond noise (`PercentileChange`).
///
/// The primer's "compare P50, P95, P99 across time, detect regressions": `trex stats
/// --compare A B`, `trex stats --windows`, and the statistics screen's `c`.
public struct StatisticsComparison: Sendable {
    /// One row present in either window.
    public struct Row: Sendable, Hashable {
        public var service: String
        /// The span name; nil for a whole-service row.
        public var operation: String?
        /// The row's statistics in each window; nil where it has no span.
        public var before: OperationStatistics?
        public var after: OperationStatistics?
        public var duration: Changes
        public var selfTime: Changes

        /// True when any percentile of duration or self time regressed beyond noise.
        public var regressed: Bool { duration.regressed || selfTime.regressed }
        /// True when at least one percentile had enough spans in both windows to be judged.
        public var judged: Bool {
            (duration.all + selfTime.all).contains { [.regressed, .improved, .noise].contains($0.verdict) }
        }
    }

    /// The order both the table and the screen show by default: rows with a regression first,
    /// then rows with a percentile judged (enough spans to tell), then the rest; within each,
    /// the largest relative change of p95 (of duration, or of self time with `selfTime`) first.
    public static func regressionsFirst(_ rows: [Row], selfTime: Bool = false) -> [Row] {
        func group(_ r: Row) -> Int { r.regressed ? 2 : r.judged ? 1 : 0 }
        func change(_ r: Row) -> Double { (selfTime ? r.selfTime : r.duration).p95.relativeChange ?? 0 }
        return rows.enumerated().sorted { x, y in
            let (gx, gy) = (group(x.element), group(y.element))
            if gx != gy { return gx > gy }
            let (cx, cy) = (change(x.element), change(y.element))
            if cx != cy { return cx > cy }
            return x.offset < y.offset
        }.map(\.element)
    }

    /// p50 to p99 judged; the maximum only shown.
    public struct Changes: Sendable, Hashable {
        public var p50: PercentileChange
        public var p90: PercentileChange
        public var p95: PercentileChange
        public var p99: PercentileChange
        public var max: PercentileChange

        public var all: [PercentileChange] { [p50, p90, p95, p99, max] }
        public var regressed: Bool { all.contains { $0.verdict == .regressed } }

        init(_ a: LatencyDistribution?, _ b: LatencyDistribution?) {
            p50 = PercentileChange(percent: 50, a, b)
            p90 = PercentileChange(percent: 90, a, b)
            p95 = PercentileChange(percent: 95, a, b)
            p99 = PercentileChange(percent: 99, a, b)
            max = PercentileChange(maximumOf: a, b)
        }
    }

    /// By service then operation.
    public let operations: [Row]
    /// By service.
    public let services: [Row]

    /// Compares what two accumulators gathered: `before` the first window (or input), `after`
    /// the second. O(N log N) in the spans kept (each row's values sorted once).
    public init(before: TraceStatistics.Accumulator, after: TraceStatistics.Accumulator) {
        operations = Self.rows(before.rows(before.operationSamples), after.rows(after.operationSamples))
        services = Self.rows(before.rows(before.serviceSamples), after.rows(after.serviceSamples))
    }

    private static func rows(_ a: [TraceStatistics.FinishedRow], _ b: [TraceStatistics.FinishedRow]) -> [Row] {
        let inA = Dictionary(a.map { ($0.key, $0) }, uniquingKeysWith: { x, _ in x })
        let inB = Dictionary(b.map { ($0.key, $0) }, uniquingKeysWith: { x, _ in x })
        let keys = Set(inA.keys).union(inB.keys).sorted {
            ($0.service, $0.name ?? "") < ($1.service, $1.name ?? "")
        }
        return keys.map { k in
            let (x, y) = (inA[k], inB[k])
            return Row(service: k.service, operation: k.name, before: x?.statistics, after: y?.statistics,
                       duration: Changes(x?.durations, y?.durations), selfTime: Changes(x?.selfTimes, y?.selfTimes))
        }
    }
}
