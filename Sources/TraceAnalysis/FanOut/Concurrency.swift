/// How many intervals were open at once.
enum Concurrency {
    /// The maximum number of half-open intervals [start, end) overlapping at one moment; an
    /// interval ending exactly when another starts does not overlap it. `ends` is scratch
    /// space. O(k log k).
    static func maximum(starts: [Int64], ends: inout [Int64]) -> Int {
        ends.sort()
        var open = 0
        var best = 0
        var j = 0
        for (i, s) in starts.sorted().enumerated() {
            while j < ends.count, ends[j] <= s { j += 1 }
            open = i + 1 - j
            best = max(best, open)
        }
        return best
    }
}
