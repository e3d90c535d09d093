import TraceModel

/// Per-operation and per-service statistics over every loaded trace: count, error rate, and
/// p50/p90/p95/p99/max of duration and of self time.
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

    /// Statistics built batch by batch (tables of whole traces, each trace in one batch), for
    /// sets too large to hold in memory at once: only the samples are kept, 16 bytes a span,
    /// never the spans. Rows are keyed by name, so batches need not share a string table.
    public struct Accumulator: Sendable {
        struct Samples: Sendable {
            var durations = LatencySamples()
            var selfTimes = LatencySamples()
            var errors = 0

            mutating func absorb(_ other: Samples) {
                durations.absorb(other.durations)
                selfTimes.absorb(other.selfTimes)
                errors += other.errors
            }
        }

        struct OperationKey: Hashable, Sendable {
            var service: String
            var name: String
        }

        var byOperation: [OperationKey: Samples] = [:]
        var byService: [String: Samples] = [:]

        public init() {}

        /// Adds every trace of a table. O(spans of the table).
        public mutating func add(_ table: SpanTable) {
            var operations: [UInt64: Samples] = [:]
            var services: [StringID: Samples] = [:]
            for trace in table.allTraces {
                let selfTimes = TraceTree(trace).selfTimes(trace)
                for i in 0..<trace.spanCount {
                    let span = trace[i]
                    let service = table.serviceID(of: span)
                    let key = UInt64(service.rawValue) << 32 | UInt64(span.name.rawValue)
                    let isError = span.status == .error
                    operations[key, default: Samples()].durations.add(span.duration.value)
                    operations[key]!.selfTimes.add(selfTimes[i].value)
                    services[service, default: Samples()].durations.add(span.duration.value)
                    services[service]!.selfTimes.add(selfTimes[i].value)
                    if isError {
                        operations[key]!.errors += 1
                        services[service]!.errors += 1
                    }
                }
            }
            let strings = table.strings
            for (key, samples) in operations {
                let name = OperationKey(service: strings[StringID(UInt32(key >> 32))],
                                        name: strings[StringID(UInt32(key & 0xffff_ffff))])
                byOperation[name, default: Samples()].absorb(samples)
            }
            for (service, samples) in services { byService[strings[service], default: Samples()].absorb(samples) }
        }

        /// The statistics of everything added. O(N log N) for the exact percentiles.
        public func finish() -> TraceStatistics {
            let operations = byOperation.map { key, s in
                OperationStatistics(
                    service: key.service, operation: key.name, count: s.durations.count, errorCount: s.errors,
                    duration: s.durations.percentiles, selfTime: s.selfTimes.percentiles,
                    isApproximate: s.durations.isApproximate)
            }.sorted { ($0.service, $0.operation ?? "") < ($1.service, $1.operation ?? "") }
            let services = byService.map { service, s in
                OperationStatistics(
                    service: service, operation: nil, count: s.durations.count, errorCount: s.errors,
                    duration: s.durations.percentiles, selfTime: s.selfTimes.percentiles,
                    isApproximate: s.durations.isApproximate)
            }.sorted { $0.service < $1.service }
            return TraceStatistics(operations: operations, services: services)
        }
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
            }
        }
        return rows.enumerated().sorted { a, b in
            let va = value(a.element), vb = value(b.element)
            if va != vb { return va > vb }
            return a.offset < b.offset
        }.map(\.element)
    }
}
