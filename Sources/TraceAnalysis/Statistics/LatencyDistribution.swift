import Foundation

/// The finished values of one statistics row, in order: every value (exact) or, for rows past
/// `LatencySamples.exactLimit`, 1%-wide buckets as (cumulative count, the bucket's middle). It
/// answers the value at any rank, so the percentiles and their confidence intervals
/// (`interval(percent:)`, what `StatisticsComparison` judges noise with) come from one sort.
struct LatencyDistribution: Sendable {
    /// Every value, ascending (empty when bucketed).
    private let sorted: [Int64]
    /// Bucketed: the count of values up to and including each bucket, and its value.
    private let bucketEnds: [Int]
    private let bucketValues: [Int64]
    private let maximum: Int64
    let count: Int

    init(sorted: [Int64]) {
        self.sorted = sorted
        bucketEnds = []
        bucketValues = []
        maximum = sorted.last ?? 0
        count = sorted.count
    }

    init(bucketEnds: [Int], values: [Int64], maximum: Int64) {
        sorted = []
        self.bucketEnds = bucketEnds
        bucketValues = values
        self.maximum = maximum
        count = bucketEnds.last ?? 0
    }

    /// The value of 1-based rank `rank` (clamped to 1...count); 0 when empty. O(log buckets).
    func value(atRank rank: Int) -> Int64 {
        guard count > 0 else { return 0 }
        let r = Swift.max(1, Swift.min(rank, count))
        if bucketEnds.isEmpty { return sorted[r - 1] }
        if r == count { return maximum }
        var low = 0, high = bucketEnds.count - 1
        while low < high {
            let mid = (low + high) / 2
            if bucketEnds[mid] >= r { high = mid } else { low = mid + 1 }
        }
        return bucketValues[low]
    }

    /// The nearest-rank percentile: the value at rank ceil(percent × N / 100).
    func percentile(_ percent: Int) -> Int64 { value(atRank: (percent * count + 99) / 100) }

    var percentiles: Percentiles {
        Percentiles(p50: percentile(50), p90: percentile(90), p95: percentile(95), p99: percentile(99),
                    max: count == 0 ? 0 : maximum)
    }

    /// A 99% confidence interval of the `percent` percentile of the population these values were
    /// drawn from, distribution free: the number of values below the true q-quantile is
    /// Binomial(N, q), so ranks N·q ± 2.576·√(N·q·(1−q)) (rounded outwards) bound it with about
    /// 99% confidence whatever the shape of the latencies. Nil when either rank falls outside
    /// 1...N: too few values to bound that percentile (p50 needs 11 values, p90 79, p95 164, p99 846).
    func interval(percent: Int) -> ClosedRange<Int64>? {
        guard count > 0 else { return nil }
        let n = Double(count), q = Double(percent) / 100
        let spread = 2.576 * (n * q * (1 - q)).squareRoot()
        let lower = Int((n * q - spread).rounded(.down))
        let upper = Int((n * q + spread).rounded(.up)) + 1
        guard lower >= 1, upper <= count else { return nil }
        return value(atRank: lower)...value(atRank: upper)
    }
}
