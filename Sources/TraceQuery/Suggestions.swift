/// "Did you mean ...?": the nearest known word by edit distance.
enum Suggestions {
    /// The candidate nearest to `word` (case-insensitively, counting a swap of two neighbouring
    /// characters as one edit), or nil when none is close enough to be a plausible typo. Ties go
    /// to the earlier candidate. O(candidates × |word| × |candidate|).
    static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased())
        guard !target.isEmpty else { return nil }
        let limit = threshold(for: target.count)
        var best: (String, Int)?
        for candidate in candidates {
            let c = Array(candidate.lowercased())
            if abs(c.count - target.count) > limit { continue }
            let d = distance(target, c)
            if d <= limit, d < max(target.count, c.count), best == nil || d < best!.1 { best = (candidate, d) }
        }
        return best?.0
    }

    /// How many edits still look like a typo of a word this long.
    static func threshold(for length: Int) -> Int {
        switch length {
        case ...2: 0
        case ...4: 1
        case ...8: 2
        default: 3
        }
    }

    /// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions).
    /// O(|a| × |b|) time, O(|b|) space.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev2 = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var row = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            row[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, prev2[j - 2] + 1) }
                row[j] = v
            }
            (prev2, prev, row) = (prev, row, prev2)
        }
        return prev[b.count]
    }
}
