/// How one percentile of one row moved from the first window (or input) to the second, and
/// whether the move is beyond noise.
///
/// The rule (`NoiseRule`): a percentile regressed when the second window's 99% confidence
/// interval lies wholly above the first's (`LatencyDistribution.interval`: distribution-free,
/// from order statistics) and it grew by at least `NoiseRule.minimumChange`; improved the other
/// way round. Overlapping intervals are noise; a percentile whose interval cannot be bounded
/// (too few spans: p50 needs 11 in each window, p90 79, p95 164, p99 846) is not judged.
public struct PercentileChange: Sendable, Hashable {
    public enum Verdict: String, Sendable, Hashable, Encodable {
        case regressed, improved
        /// The confidence intervals overlap, or the change is under the minimum.
        case noise
        /// Too few spans in one window to bound the percentile (or the row is in one only).
        case tooFewSpans = "too-few-spans"
        /// The maximum: one span, no interval to judge it by.
        case notJudged = "not-judged"
    }

    /// Nanoseconds in the first and the second window (0 when the row is not in it).
    public var before: Int64
    public var after: Int64
    public var verdict: Verdict

    public init(before: Int64, after: Int64, verdict: Verdict) {
        self.before = before
        self.after = after
        self.verdict = verdict
    }

    /// after / before − 1 (nil when `before` is 0).
    public var relativeChange: Double? {
        before == 0 ? nil : Double(after) / Double(before) - 1
    }

    /// The constants of the noise rule.
    public enum NoiseRule {
        /// The smallest relative change called a regression or an improvement, however many
        /// spans make it significant: 5%.
        public static let minimumChange = 0.05
        /// The confidence of the intervals compared. 99% rather than 95%: a table holds
        /// hundreds of rows of eight percentiles, and on traffic that did not change (the
        /// halves of `trex-bench stats`' 1,000,000 spans) 95% intervals flagged 2 of 1,600
        /// percentiles; 99% flagged none. The price: more spans are needed to judge a p99.
        public static let confidence = 0.99
    }

    /// The maximum of each, not judged.
    init(maximumOf a: LatencyDistribution?, _ b: LatencyDistribution?) {
        before = a?.percentiles.max ?? 0
        after = b?.percentiles.max ?? 0
        verdict = .notJudged
    }

    /// Judges percentile `percent` between two distributions (either may be empty).
    init(percent: Int, _ a: LatencyDistribution?, _ b: LatencyDistribution?) {
        before = a?.percentile(percent) ?? 0
        after = b?.percentile(percent) ?? 0
        guard let a, let b, let ia = a.interval(percent: percent), let ib = b.interval(percent: percent) else {
            verdict = .tooFewSpans
            return
        }
        let ratio = before == 0 ? (after == 0 ? 1 : .infinity) : Double(after) / Double(before)
        if ib.lowerBound > ia.upperBound && ratio >= 1 + NoiseRule.minimumChange {
            verdict = .regressed
        } else if ib.upperBound < ia.lowerBound && ratio <= 1 / (1 + NoiseRule.minimumChange) {
            verdict = .improved
        } else {
            verdict = .noise
        }
    }
}

extension PercentileChange {
    /// The change as a whole percentage: "+35%", "-12%", "0%"; "new" when there was none before,
    /// "gone" when there is none after.
    public var changeText: String {
        if before == 0 && after == 0 { return "0%" }
        if before == 0 { return "new" }
        if after == 0 { return "gone" }
        let percent = Int(((Double(after) / Double(before) - 1) * 100).rounded())
        return percent > 0 ? "+\(percent)%" : "\(percent)%"
    }

    /// One character for the verdict: ▲ regressed, ▼ improved, blank for noise or not judged,
    /// `?` for too few spans (ASCII: `+`, `-`, ` `, `?`).
    public func mark(ascii: Bool = false) -> String {
        switch verdict {
        case .regressed: ascii ? "+" : "▲"
        case .improved: ascii ? "-" : "▼"
        case .noise, .notJudged: " "
        case .tooFewSpans: "?"
        }
    }

    /// How noise is judged, in a sentence, for the table's legend and the screen's help.
    public static let noiseRule = "▲ regressed / ▼ improved beyond noise: the 99% confidence intervals of the "
        + "percentile in the two windows do not overlap (order statistics, no assumption on the distribution) "
        + "and it changed by at least 5%; ? too few spans to bound it (p95 needs 164 in each window, p99 846)."
}
