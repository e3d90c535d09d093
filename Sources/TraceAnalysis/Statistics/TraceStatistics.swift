import TraceModel

/// Per-operation and per-service statistics over every loaded trace: count, error rate, and
/// p50/p90/p95/p99/max of duration and of self time, and the share of all critical-path time
/// (the sum of the row's spans' time on their traces' critical paths, over the sum of every
/// trace's critical path: where the waiting went).
///
/// Percentiles are by the nearest-rank method (`Percentiles`): exact, an observed value, for a
/// row of up to 65,536 spans; beyond, within 0.5% (`LatencySamples`: 1%-wide logarithmic
/// buckets), so memory is bounded by the number of rows, not of spans, however large the set
/// streamed through `Accumulator` batch by batch. The maximum is always exact. Self time comes
/// from each trace's `TraceTree.selfTimes`.
public struct TraceStatistics: Sendable {
    /// One row per (service, operation), by service then operation name.
    public let operations: [OperationStatistics]
    /// One row per service, by name.
    public let services: [OperationStatistics]

    /// The orders the `stats` table can be sorted in.
    public enum SortKey: String, Sendable, CaseIterable {
        case name, count, errors, errorRate = "error-rate", p50, p90, p95, p99, max
        /// The share of all critical-path time.
        case critical
    }

    /// Statistics over every trace of a table.
    public init(_ table: SpanTable) {
        var accumulator = Accumulator()
        accumulator.add(table)
        self = accumulator.finish()
    }

    init(operations: [OperationStatistics], services: [OperationStatistics]) {
        self.operations = operations
        self.services = services
    }

    /// A row's name: a service and a span name, or a service alone (`name` nil).
    struct RowKey: Hashable, Sendable {
        var service: String
        var name: String?
    }

    /// Statistics built batch by batch (tables of whole traces, each trace in one batch), for
    /// sets too large to hold in memory at once: only the samples are kept, 16 bytes a span,
    /// never the spans. Rows are keyed by name, so batches need not share a string table.
    public struct Accumulator: Sendable {
        struct Samples: Sendable {
            var durations = LatencySamples()
            var selfTimes = LatencySamples()
            var errors = 0
            /// The row's spans' time on their traces' critical paths.
            var critical: Int64 = 0

            mutating func absorb(_ other: Samples) {
                durations.absorb(other.durations)
                selfTimes.absorb(other.selfTimes)
                errors += other.errors
                critical = TimeMath.add(critical, other.critical)
            }
        }

        private(set) var operationSamples: [RowKey: Samples] = [:]
        private(set) var serviceSamples: [RowKey: Samples] = [:]
        /// The length of every critical path of every trace added.
        private(set) var totalCritical: Int64 = 0

        public init() {}

        /// Adds every trace of a table (those `including` accepts). O(spans log spans): each
        /// trace's tree, self times and critical path. The table's values are gathered per
        /// operation in plain arrays (one dictionary lookup a span), then handed to the rows.
        public mutating func add(_ table: SpanTable, including: (Trace) -> Bool = { _ in true }) {
            var rowOf: [UInt64: Int] = [:]
            var keys: [UInt64] = []
            var durations: [[Int64]] = [], selfTimes: [[Int64]] = []
            var errors: [Int] = [], critical: [Int64] = []
            for trace in table.allTraces where including(trace) {
                let tree = TraceTree(trace)
                let ownTimes = tree.selfTimes(trace)
                let path = CriticalPath(trace, tree: tree)
                for p in path.paths { totalCritical = TimeMath.add(totalCritical, p.duration.value) }
                for i in 0..<trace.spanCount {
                    let span = trace[i]
                    let key = UInt64(table.serviceID(of: span).rawValue) << 32 | UInt64(span.name.rawValue)
                    let row: Int
                    if let known = rowOf[key] {
                        row = known
                    } else {
                        row = keys.count
                        rowOf[key] = row
                        keys.append(key)
                        durations.append([])
                        selfTimes.append([])
                        errors.append(0)
                        critical.append(0)
                    }
                    durations[row].append(span.duration.value)
                    selfTimes[row].append(ownTimes[i].value)
                    critical[row] = TimeMath.add(critical[row], path.criticalTime[i].value)
                    if span.status == .error { errors[row] += 1 }
                }
            }
            let strings = table.strings
            for (row, key) in keys.enumerated() {
                let service = strings[StringID(UInt32(key >> 32))]
                var samples = Samples()
                samples.durations.add(contentsOf: durations[row])
                samples.selfTimes.add(contentsOf: selfTimes[row])
                samples.errors = errors[row]
                samples.critical = critical[row]
                operationSamples[RowKey(service: service, name: strings[StringID(UInt32(key & 0xffff_ffff))]),
                                 default: Samples()].absorb(samples)
                serviceSamples[RowKey(service: service), default: Samples()].absorb(samples)
            }
        }

        /// Everything another accumulator gathered (an accumulator per batch, merged).
        public mutating func absorb(_ other: Accumulator) {
            for (k, s) in other.operationSamples { operationSamples[k, default: Samples()].absorb(s) }
            for (k, s) in other.serviceSamples { serviceSamples[k, default: Samples()].absorb(s) }
            totalCritical = TimeMath.add(totalCritical, other.totalCritical)
        }

        /// The statistics of everything added. O(N log N) for the exact percentiles.
        public func finish() -> TraceStatistics {
            TraceStatistics(operations: rows(operationSamples).map(\.statistics),
                            services: rows(serviceSamples).map(\.statistics))
        }

        /// Each row with its finished distributions, by service then name.
        func rows(_ samples: [RowKey: Samples]) -> [FinishedRow] {
            samples.map { key, s in
                let durations = s.durations.distribution, selfTimes = s.selfTimes.distribution
                let share = totalCritical > 0 ? Double(s.critical) / Double(totalCritical) : 0
                let statistics = OperationStatistics(
                    service: key.service, operation: key.name, count: s.durations.count, errorCount: s.errors,
                    duration: durations.percentiles, selfTime: selfTimes.percentiles,
                    isApproximate: s.durations.isApproximate, criticalTime: Nanoseconds(s.critical),
                    criticalShare: share)
                return FinishedRow(key: key, statistics: statistics, durations: durations, selfTimes: selfTimes)
            }.sorted { ($0.key.service, $0.key.name ?? "") < ($1.key.service, $1.key.name ?? "") }
        }
    }

    /// A row's statistics and the distributions they came from.
    struct FinishedRow: Sendable {
        var key: RowKey
        var statistics: OperationStatistics
        var durations: LatencyDistribution
        var selfTimes: LatencyDistribution
    }

    /// Rows sorted by a key: numbers descending (the worst first), names ascending.
    public static func sorted(_ rows: [OperationStatistics], by key: SortKey) -> [OperationStatistics] {
        func value(_ r: OperationStatistics) -> Double {
            switch key {
            case .name: return 0
            case .count: return Double(r.count)
            case .errors: return Double(r.errorCount)
            case .errorRate: return r.errorRate
            case .p50: return Double(r.duration.p50)
            case .p90: return Double(r.duration.p90)
            case .p95: return Double(r.duration.p95)
            case .p99: return Double(r.duration.p99)
            case .max: return Double(r.duration.max)
            case .critical: return r.criticalShare
            }
        }
        return rows.enumerated().sorted { a, b in
            let va = value(a.element), vb = value(b.element)
            if va != vb { return va > vb }
            return a.offset < b.offset
        }.map(\.element)
    }
}
