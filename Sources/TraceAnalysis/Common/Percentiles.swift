/// Exact percentiles by the nearest-rank method.
///
/// The p-th percentile of N sorted values is the value at rank ceil(p/100 × N) (1-based):
/// always one of the observed values, never interpolated. p50 of [1, 2, 3, 4] is 2; p99 of
/// 100 values is the 99th; p100 is the maximum.
public struct Percentiles: Sendable, Hashable, Encodable {
    public var p50: Int64
    public var p90: Int64
    public var p95: Int64
    public var p99: Int64
    public var max: Int64

    public init(p50: Int64, p90: Int64, p95: Int64, p99: Int64, max: Int64) {
        self.p50 = p50
        self.p90 = p90
        self.p95 = p95
        self.p99 = p99
        self.max = max
    }

    /// The percentiles of values already sorted ascending (all zero when empty). O(1).
    public init(sorted values: [Int64]) {
        p50 = Self.nearestRank(50, ofSorted: values)
        p90 = Self.nearestRank(90, ofSorted: values)
        p95 = Self.nearestRank(95, ofSorted: values)
        p99 = Self.nearestRank(99, ofSorted: values)
        max = values.last ?? 0
    }

    /// The percentiles of unsorted values. O(N log N).
    public init(_ values: [Int64]) { self.init(sorted: values.sorted()) }

    /// The value at rank ceil(percent × N / 100) of sorted values; 0 when empty.
    public static func nearestRank(_ percent: Int, ofSorted values: [Int64]) -> Int64 {
        guard !values.isEmpty else { return 0 }
        let rank = (percent * values.count + 99) / 100
        return values[Swift.max(1, Swift.min(rank, values.count)) - 1]
    }
}
