import TraceModel

/// Per-operation and per-service statistics over every loaded trace: count, error rate, and
/// exact p50/p90/p95/p99/max of duration and of self time.
///
/// Percentiles are exact, by the nearest-rank method (`Percentiles`): every value is kept and
/// sorted, so the answer is always an observed value. O(N log N) time and O(N) memory over all
/// spans N. Self time comes from each trace's `TraceTree.selfTimes`.
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
    public init(_ table: SpanTable) { self.init(table.allTraces) }

    /// Statistics over some traces (all from one table).
    public init(_ traces: [Trace]) {
        struct Samples {
            var durations: [Int64] = []
            var selfTimes: [Int64] = []
            var errors = 0
        }
        var byOperation: [UInt64: Samples] = [:]
        var byService: [StringID: Samples] = [:]
        var table: SpanTable?
        for trace in traces {
            table = trace.table
            let selfTimes = TraceTree(trace).selfTimes(trace)
            for i in 0..<trace.spanCount {
                let span = trace[i]
                let service = trace.table.serviceID(of: span)
                let key = UInt64(service.rawValue) << 32 | UInt64(span.name.rawValue)
                let isError = span.status == .error
                byOperation[key, default: Samples()].durations.append(span.duration.value)
                byOperation[key]!.selfTimes.append(selfTimes[i].value)
                byService[service, default: Samples()].durations.append(span.duration.value)
                byService[service]!.selfTimes.append(selfTimes[i].value)
                if isError {
                    byOperation[key]!.errors += 1
                    byService[service]!.errors += 1
                }
            }
        }
        guard let strings = table?.strings else {
            operations = []
            services = []
            return
        }
        operations = byOperation.map { key, s in
            OperationStatistics(
                service: strings[StringID(UInt32(key >> 32))], operation: strings[StringID(UInt32(key & 0xffff_ffff))],
                count: s.durations.count, errorCount: s.errors,
                duration: Percentiles(s.durations), selfTime: Percentiles(s.selfTimes))
        }.sorted { ($0.service, $0.operation ?? "") < ($1.service, $1.operation ?? "") }
        services = byService.map { service, s in
            OperationStatistics(
                service: strings[service], operation: nil, count: s.durations.count, errorCount: s.errors,
                duration: Percentiles(s.durations), selfTime: Percentiles(s.selfTimes))
        }.sorted { $0.service < $1.service }
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
