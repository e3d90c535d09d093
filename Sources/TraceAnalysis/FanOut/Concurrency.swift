/// How many intervals were open at once.
enum Concurrency {
    /// The maximum number of half-open intervals [start, end) overlapping at one moment; an
    /// interval ending exactly when another starts does not overlap it. Sorts both arrays
    /// in place (they are scratch space). O(k log k).
    static func maximum(starts: inout [Int64], ends: inout [Int64]) -> Int {
        starts.sort()
        ends.sort()
        var best = 0
        var j = 0
        for (i, s) in starts.enumerated() {
            while j < ends.count, ends[j] <= s { j += 1 }
            best = max(best, i + 1 - j)
        }
        return best
    }
}
