import TraceModel

/// A sampling policy replayed over saved traces (`SamplingReplay`).
public enum SamplingPolicy: Sendable, Equatable {
    /// Head-based probabilistic: each trace kept with this probability (0...1), decided from its
    /// trace id as OpenTelemetry's TraceIdRatioBased sampler does, mixed with the seed.
    case head(Double)
    /// Rate limiting: at most this many traces a second over the traces' own timeline (a token
    /// bucket of one second's worth, refilled continuously), in order of start.
    case rate(Double)
    /// Tail-based: the traces a rule matched (the workspace evaluates the rule; `label` is how
    /// it was written).
    case tail(label: String, matches: Set<TraceID>)
    /// The primer's recommendation: every trace the rule keeps (errors, slow ones) and a head
    /// sample of the rest.
    case headAndTail(Double, label: String, matches: Set<TraceID>)
    /// Adaptive: about `perSecond` traces a second in all, each root operation guaranteed
    /// `minimumPerOperation` traces a minute, the rest of the budget shared in order of start.
    case adaptive(perSecond: Double, minimumPerOperation: Int)

    /// `head 1%`, `rate 10/s`, `tail 'Duration > 5s'`.
    public var label: String {
        switch self {
        case .head(let p): "head \(Self.percent(p))"
        case .rate(let r): "rate \(Self.rateText(r))"
        case .tail(let label, _): "tail \(label)"
        case .headAndTail(let p, let label, _): "tail \(label) + head \(Self.percent(p))"
        case .adaptive(let r, let minimum): "adaptive \(Self.rateText(r)), \(minimum)/min per operation"
        }
    }

    /// A rate a second in the largest unit it is at least one of: `10/s`, `6/min`, `0.5/h`.
    public static func rateText(_ perSecond: Double) -> String {
        if perSecond >= 1 { return number(perSecond) + "/s" }
        if perSecond * 60 >= 1 { return number(perSecond * 60) + "/min" }
        return number(perSecond * 3_600) + "/h"
    }

    static func percent(_ p: Double) -> String { number(p * 100) + "%" }

    static func number(_ v: Double) -> String {
        let rounded = (v * 1_000).rounded() / 1_000
        return rounded == rounded.rounded() ? String(Int64(rounded)) : String(rounded)
    }
}
