import Foundation

/// The values of one statistics row (durations or self times, nanoseconds) in bounded memory:
/// kept exactly while there are at most `exactLimit` of them, so percentiles are exact nearest
/// ranks (`Percentiles`); past that, counted in logarithmic buckets 1% wide, so memory stays
/// bounded (at most a few thousand buckets) however many spans stream through, and a
/// percentile is within 0.5% of the exact one (`isApproximate`). The maximum stays exact.
struct LatencySamples: Sendable {
    /// Values kept exactly before switching to buckets (512 KiB of them).
    static let exactLimit = 65_536
    /// Bucket growth: each bucket is 1% wider than the one before.
    static let growth = 1.01

    private(set) var exact: [Int64] = []
    private var buckets: [Int32: Int] = [:]
    private(set) var count = 0
    private var maximum = Int64.min

    var isApproximate: Bool { exact.count < count }

    mutating func add(_ value: Int64) {
        count += 1
        maximum = max(maximum, value)
        if buckets.isEmpty && exact.count < Self.exactLimit {
            exact.append(value)
            return
        }
        if !exact.isEmpty {
            for v in exact { buckets[Self.bucket(v), default: 0] += 1 }
            exact = []
        }
        buckets[Self.bucket(value), default: 0] += 1
    }

    mutating func absorb(_ other: LatencySamples) {
        if buckets.isEmpty && other.buckets.isEmpty && exact.count + other.exact.count <= Self.exactLimit {
            exact += other.exact
            count += other.count
            maximum = max(maximum, other.maximum)
            return
        }
        for v in other.exact { add(v) }
        if !other.buckets.isEmpty {
            if !exact.isEmpty {
                for v in exact { buckets[Self.bucket(v), default: 0] += 1 }
                exact = []
            }
            for (b, n) in other.buckets { buckets[b, default: 0] += n }
            count += other.count - other.exact.count
            maximum = max(maximum, other.maximum)
        }
    }

    /// The values in order, ready for percentiles and their confidence intervals. O(N log N)
    /// while exact, O(buckets log buckets) else.
    var distribution: LatencyDistribution {
        guard isApproximate else { return LatencyDistribution(sorted: exact.sorted()) }
        let sorted = buckets.sorted { $0.key < $1.key }
        var ends: [Int] = []
        var values: [Int64] = []
        ends.reserveCapacity(sorted.count)
        values.reserveCapacity(sorted.count)
        var seen = 0
        for (bucket, n) in sorted {
            seen += n
            ends.append(seen)
            values.append(Swift.min(Self.middle(of: bucket), maximum))
        }
        return LatencyDistribution(bucketEnds: ends, values: values, maximum: maximum)
    }

    /// Nearest-rank percentiles: exact while the values are, else each from its bucket's
    /// middle (the maximum exact either way).
    var percentiles: Percentiles { distribution.percentiles }

    /// The bucket of a value: 0 for values below 1 ns, else 1 + floor(log_growth(v)).
    static func bucket(_ value: Int64) -> Int32 {
        guard value >= 1 else { return 0 }
        return 1 + Int32(log(Double(value)) / log(growth))
    }

    /// The geometric middle of a bucket (0 for bucket 0).
    static func middle(of bucket: Int32) -> Int64 {
        guard bucket > 0 else { return 0 }
        let low = pow(growth, Double(bucket - 1)), high = low * growth
        let mid = (low * high).squareRoot()
        return mid >= Double(Int64.max) ? Int64.max : Int64(mid.rounded())
    }
}
