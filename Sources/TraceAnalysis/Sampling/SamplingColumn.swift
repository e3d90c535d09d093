import TraceModel

/// The columns of a sampling comparison, as `trex sample` prints them and the explorer's
/// sampling screen draws them: one definition, so the two show the same text.
public enum SamplingColumn: CaseIterable, Sendable {
    case policy, traces, spans, errors, slow, vanished, partial, p95, p99

    public var title: String {
        switch self {
        case .policy: "POLICY"
        case .traces: "TRACES KEPT"
        case .spans: "SPANS (STORAGE)"
        case .errors: "ERRORS KEPT"
        case .slow: "SLOW KEPT"
        case .vanished: "OPS LOST"
        case .partial: "PARTIAL"
        case .p95: "P95 KEPT/TRUE"
        case .p99: "P99 KEPT/TRUE"
        }
    }

    /// Numbers are right-aligned; the policy is not.
    public var isNumeric: Bool { self != .policy }

    /// The cell of an outcome (raw text: the policy holds a query as the user wrote it).
    public func text(_ o: SamplingOutcome, ascii: Bool = false) -> String {
        func share(_ x: Double) -> String {
            x == 0 ? "0%" : x < 0.001 ? "<0.1%" : "\(NumberFormat.oneDecimal(x * 100))%"
        }
        func duration(_ d: Nanoseconds?) -> String { d.map { DurationFormat.string($0, ascii: ascii) } ?? "-" }
        switch self {
        case .policy: return o.policy
        case .traces: return "\(NumberFormat.grouped(o.tracesKept)) (\(share(o.traceShare)))"
        case .spans: return "\(NumberFormat.grouped(o.spansKept)) (\(share(o.storageShare)))"
        case .errors: return "\(NumberFormat.grouped(o.errorTracesKept)) of \(NumberFormat.grouped(o.errorTraces))"
        case .slow: return "\(NumberFormat.grouped(o.slowTracesKept)) of \(NumberFormat.grouped(o.slowTraces))"
        case .vanished: return NumberFormat.grouped(o.vanishedOperations.count)
        case .partial: return o.partialTraces.map(NumberFormat.grouped) ?? "-"
        case .p95: return "\(duration(o.keptP95)) / \(duration(o.trueP95))"
        case .p99: return "\(duration(o.keptP99)) / \(duration(o.trueP99))"
        }
    }
}
