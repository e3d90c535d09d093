import Foundation

/// The values of one statistics row (durations or self times, nanoseconds) in bounded memory:
/// kept exactly while there are at most `exactLimit` of them, so percentiles are exact nearest
/// ranks (`Percentiles`); past that, counted in logarithmic buckets 1% wide, so memory stays
/// bounded (at most about 4,400 buckets, one count each) however many spans stream through,
/// and a percentile is within 0.5% of the exact one (`isApproximate`). The maximum stays exact.
struct LatencySamples: Sendable {
    /// Values kept exactly before switching to buckets (512 KiB of them).
    static let exactLimit = 65_536
    /// Bucket growth: each bucket is 1% wider than the one before.
    static let growth = 1.01
    private static let logGrowth = log(growth)

    private(set) var exact: [Int64] = []
    /// Counts by bucket number (`bucket(_:)`); empty while the values are exact.
    private var buckets: [Int] = []
    private(set) var count = 0
    private var maximum = Int64.min

    var isApproximate: Bool { !buckets.isEmpty }

    mutating func add(_ value: Int64) {
        count += 1
        maximum = max(maximum, value)
        if buckets.isEmpty && exact.count < Self.exactLimit {
            exact.append(value)
            return
        }
        if buckets.isEmpty { bucketExactValues() }
        count(value)
    }

    /// Adds many values at once (a row's values of one batch).
    mutating func add(contentsOf values: [Int64]) {
        guard buckets.isEmpty, exact.count + values.count <= Self.exactLimit else {
            for v in values { add(v) }
            return
        }
        exact += values
        count += values.count
        if let m = values.max() { maximum = max(maximum, m) }
    }

    mutating func absorb(_ other: LatencySamples) {
        guard !other.buckets.isEmpty else { return add(contentsOf: other.exact) }
        if buckets.isEmpty { bucketExactValues() }
        if other.buckets.count > buckets.count { buckets += [Int](repeating: 0, count: other.buckets.count - buckets.count) }
        for (b, n) in other.buckets.enumerated() where n > 0 { buckets[b] += n }
        count += other.count
        maximum = max(maximum, other.maximum)
    }

    /// Moves the exact values into buckets (once, when they pass the limit).
    private mutating func bucketExactValues() {
        buckets = [0]
        for v in exact { count(v) }
        exact = []
    }

    private mutating func count(_ value: Int64) {
        let b = Int(Self.bucket(value))
        if b >= buckets.count { buckets += [Int](repeating: 0, count: b + 1 - buckets.count) }
        buckets[b] += 1
    }

    /// The values in order, ready for percentiles and their confidence intervals. O(N) (a radix
    /// sort) while exact, O(buckets) else.
    var distribution: LatencyDistribution {
        guard isApproximate else {
            var sorted = exact
            RadixSort.sort(&sorted)
            return LatencyDistribution(sorted: sorted)
        }
        var ends: [Int] = []
        var values: [Int64] = []
        var seen = 0
        for (bucket, n) in buckets.enumerated() where n > 0 {
            seen += n
            ends.append(seen)
            values.append(Swift.min(Self.middle(of: Int32(bucket)), maximum))
        }
        return LatencyDistribution(bucketEnds: ends, values: values, maximum: maximum)
    }

    /// Nearest-rank percentiles: exact while the values are, else each from its bucket's
    /// middle (the maximum exact either way).
    var percentiles: Percentiles { distribution.percentiles }

    /// The bucket of a value: 0 for values below 1 ns, else 1 + floor(log_growth(v)).
    static func bucket(_ value: Int64) -> Int32 {
        guard value >= 1 else { return 0 }
        return 1 + Int32(log(Double(value)) / logGrowth)
    }

    /// The geometric middle of a bucket (0 for bucket 0).
    static func middle(of bucket: Int32) -> Int64 {
        guard bucket > 0 else { return 0 }
        let low = pow(growth, Double(bucket - 1)), high = low * growth
        let mid = (low * high).squareRoot()
        return mid >= Double(Int64.max) ? Int64.max : Int64(mid.rounded())
    }
}
