import Foundation
import TraceAnalysis
import TraceModel

/// The sampling policies `trex sample` and the explorer's sampling screen replay, as written:
/// a tail rule is still query text here; the workspace evaluates it (`samplingComparison`).
public struct SamplingPlan: Sendable, Hashable {
    public enum Request: Sendable, Hashable {
        /// Head-based probabilistic, keeping this share (0...1).
        case head(Double)
        /// At most this many traces a second.
        case rate(Double)
        /// Every trace the query matches.
        case tail(String)
        /// The primer's recommendation: every trace the query matches, plus a head sample.
        case tailAndHead(String, Double)
        /// About this many traces a second, each root operation at least `minimum` a minute.
        case adaptive(Double, minimum: Int)
    }

    public var requests: [Request]
    public var seed: UInt64

    public init(_ requests: [Request], seed: UInt64 = 1) {
        self.requests = requests
        self.seed = seed
    }

    /// Policies given by kind, in the order `trex sample` and the explorer replay them: heads,
    /// rates, tails, each tail with a head sample (the first head's share, else 10%), adaptives.
    public init(heads: [Double], rates: [Double], tails: [String], adaptives: [(perSecond: Double, minimum: Int)],
                seed: UInt64 = 1) {
        let requests: [Request] = heads.map { .head($0) } + rates.map { .rate($0) } + tails.map { .tail($0) }
            + tails.map { .tailAndHead($0, heads.first ?? 0.1) } + adaptives.map { .adaptive($0.perSecond, minimum: $0.minimum) }
        self.init(requests, seed: seed)
    }

    /// The plan when none is given, fitted to the traces: head 10%; a rate limit at a tenth of
    /// their mean rate; a tail rule keeping errors and the slowest 1% (`Status = ERROR OR
    /// Duration >= p99`); that rule with a 10% head sample, as the primer recommends; and an
    /// adaptive policy at the same rate with one trace a minute per root operation.
    public static func fitted(to traces: [SampledTrace], seed: UInt64 = 1) -> SamplingPlan {
        let rule = defaultTailRule(traces)
        let rate = defaultRate(traces)
        return SamplingPlan([.head(0.1), .rate(rate), .tail(rule), .tailAndHead(rule, 0.1), .adaptive(rate, minimum: 1)],
                            seed: seed)
    }

    /// `Status = ERROR OR Duration >= P99`, the p99 of the traces' durations in whole
    /// milliseconds (microseconds under one).
    static func defaultTailRule(_ traces: [SampledTrace]) -> String {
        let p99 = Percentiles.nearestRank(99, ofSorted: traces.map(\.duration.value).sorted())
        let written = p99 >= 1_000_000 ? "\(p99 / 1_000_000)ms" : "\(max(1, p99 / 1_000))us"
        return "Status = ERROR OR Duration >= \(written)"
    }

    /// A tenth of the traces' mean rate over their timeline, to two significant digits; 1/s
    /// when the timeline is shorter than a second.
    static func defaultRate(_ traces: [SampledTrace]) -> Double {
        guard let first = traces.map(\.start).min(), let last = traces.map(\.start).max() else { return 1 }
        let seconds = Double((last - first).value) / 1e9
        guard seconds >= 1 else { return 1 }
        let rate = Double(traces.count) / seconds / 10
        let magnitude = pow(10, floor(log10(rate)) - 1)
        return (rate / magnitude).rounded() * magnitude
    }

    /// Reads a share: `1%`, `0.5%` or a fraction `0.01`.
    public static func share(_ text: String) throws(SamplingPlanError) -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let percent = trimmed.hasSuffix("%")
        guard let value = Double(percent ? String(trimmed.dropLast()) : trimmed), value.isFinite else {
            throw SamplingPlanError("not a share: \"\(text)\" (write 1% or 0.01)")
        }
        let share = percent ? value / 100 : value
        guard (0...1).contains(share) else { throw SamplingPlanError("a share is between 0% and 100%: \"\(text)\"") }
        return share
    }

    /// Reads a rate: `10/s`, `600/min`, `36000/h` or a number a second.
    public static func rate(_ text: String) throws(SamplingPlanError) -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "/", maxSplits: 1).map(String.init)
        let per: Double
        switch parts.count == 2 ? parts[1] : "s" {
        case "s", "sec", "second": per = 1
        case "m", "min", "minute": per = 60
        case "h", "hour": per = 3_600
        default: throw SamplingPlanError("not a rate: \"\(text)\" (write 10/s, 600/min or 36000/h)")
        }
        guard let count = Double(parts.first ?? ""), count.isFinite, count > 0 else {
            throw SamplingPlanError("not a rate: \"\(text)\" (write 10/s, 600/min or 36000/h)")
        }
        return count / per
    }
}

/// A share or rate that cannot be read, with what to write instead.
public struct SamplingPlanError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}

extension SamplingPlan {
    /// The plan as the explorer's prompt shows it: `head 10%; rate 2/min; tail QUERY;
    /// adaptive 2/min min 1` (a tail rule's combination with a head sample is implied).
    public var written: String {
        var parts: [String] = []
        for request in requests {
            switch request {
            case .head(let p): parts.append(SamplingPolicy.head(p).label)
            case .rate(let r): parts.append(SamplingPolicy.rate(r).label)
            case .tail(let rule): parts.append("tail \(rule)")
            case .tailAndHead: break
            case .adaptive(let r, let minimum): parts.append("adaptive \(SamplingPolicy.rateText(r)) min \(minimum)")
            }
        }
        return parts.joined(separator: "; ")
    }

    /// Reads the written form (`written`): policies separated by `;`, each `head SHARE`,
    /// `rate RATE`, `tail QUERY` or `adaptive RATE [min N]`. Each tail rule is also replayed
    /// with a head sample (the first head's share, else 10%), as `trex sample` does. The
    /// error says which policy is wrong and how to write it.
    public static func parse(written text: String, seed: UInt64 = 1) throws(SamplingPlanError) -> SamplingPlan {
        var heads: [Double] = [], rates: [Double] = [], tails: [String] = []
        var adaptives: [(perSecond: Double, minimum: Int)] = []
        for part in text.split(separator: ";") {
            let words = part.trimmingCharacters(in: .whitespaces)
            guard !words.isEmpty else { continue }
            let space = words.firstIndex(of: " ") ?? words.endIndex
            let kind = words[..<space].lowercased()
            let rest = words[space...].trimmingCharacters(in: .whitespaces)
            switch kind {
            case "head": heads.append(try share(rest))
            case "rate": rates.append(try rate(rest))
            case "tail":
                guard !rest.isEmpty else { throw SamplingPlanError("tail needs a query: tail Status = ERROR") }
                tails.append(rest)
            case "adaptive":
                let fields = rest.split(separator: " ").map(String.init)
                var minimum = 1
                if fields.count == 3, fields[1] == "min", let n = Int(fields[2]), n >= 0 {
                    minimum = n
                } else if fields.count != 1 {
                    throw SamplingPlanError("write adaptive RATE [min N]: adaptive 10/s min 1")
                }
                adaptives.append((try rate(fields.first ?? ""), minimum))
            default:
                throw SamplingPlanError("\"\(kind)\" is not a policy: write head 1%, rate 10/s, tail QUERY or adaptive 10/s")
            }
        }
        return SamplingPlan(heads: heads, rates: rates, tails: tails, adaptives: adaptives, seed: seed)
    }
}
