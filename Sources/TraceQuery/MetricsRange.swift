import TraceModel

/// The steps a metrics query answers: from `start`, `stepCount` steps of `step` each. A span
/// counts in the step its start falls in.
public struct MetricsRange: Sendable, Equatable {
    public var start: Timestamp
    public var step: Nanoseconds
    public var stepCount: Int

    /// The most steps a query may ask for (as Tempo caps a query_range).
    public static let maxSteps = 11_000

    /// Why a range cannot be made.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case stepNotPositive
        case tooManySteps(Int, step: Nanoseconds)

        public var description: String {
            switch self {
            case .stepNotPositive: "the step must be longer than zero"
            case .tooManySteps(let n, let step):
                "a step of \(DurationFormat.string(step)) makes \(n) steps over this time range; at most "
                    + "\(MetricsRange.maxSteps) are allowed: choose a longer step"
            }
        }
    }

    /// Steps aligned to multiples of the step since the epoch, covering `from...to` (span
    /// starts). Without a step, the shortest round step (1ms, 2ms, 5ms, 10ms ... 1s, 2s, 5s, 10s,
    /// 15s, 30s, 1m ... 1d, 7d) that gives at most `targetSteps`.
    public init(covering from: Timestamp, _ to: Timestamp, step: Nanoseconds? = nil,
                targetSteps: Int = 60) throws(Problem) {
        let lo = min(from.unixNanos, to.unixNanos)
        let hi = max(from.unixNanos, to.unixNanos)
        let span = TimeMath.subtract(hi, lo)
        let chosen = step?.value ?? Self.automaticStep(span, target: max(1, targetSteps))
        guard chosen > 0 else { throw .stepNotPositive }
        let first = Self.floor(lo, chosen)
        let steps = Int(TimeMath.subtract(hi, first) / chosen) + 1
        guard steps <= Self.maxSteps else { throw .tooManySteps(steps, step: Nanoseconds(chosen)) }
        start = Timestamp(unixNanos: first)
        self.step = Nanoseconds(chosen)
        stepCount = steps
    }

    public init(start: Timestamp, step: Nanoseconds, stepCount: Int) {
        self.start = start
        self.step = step
        self.stepCount = stepCount
    }

    /// The step a start time falls in, or nil outside the range. O(1).
    @inline(__always)
    public func index(of t: Int64) -> Int? {
        let offset = TimeMath.subtract(t, start.unixNanos)
        guard offset >= 0 else { return nil }
        let i = offset / step.value
        return i < Int64(stepCount) ? Int(i) : nil
    }

    /// The step's length in seconds (for `rate`).
    public var stepSeconds: Double { Double(step.value) / 1e9 }

    static let roundSteps: [Int64] = {
        let ms: Int64 = 1_000_000, s = 1_000 * ms, m = 60 * s, h = 60 * m, d = 24 * h
        return [1, 2, 5, 10, 20, 50, 100, 200, 500].map { $0 * ms } + [1, 2, 5, 10, 15, 30].map { $0 * s }
            + [1, 2, 5, 10, 15, 30].map { $0 * m } + [1, 2, 3, 6, 12].map { $0 * h } + [1, 2, 7, 14, 30, 90, 365].map { $0 * d }
    }()

    static func automaticStep(_ span: Int64, target: Int) -> Int64 {
        for step in roundSteps where span / step < Int64(target) { return step }
        return max(roundSteps.last!, span / Int64(target) + 1)
    }

    /// `t` rounded down to a multiple of `step` (towards minus infinity).
    static func floor(_ t: Int64, _ step: Int64) -> Int64 {
        let r = t % step
        return r < 0 ? TimeMath.subtract(t - r, step) : t - r
    }
}
