import TraceModel

/// The shortest hex prefix that tells sorted trace ids apart, like git's abbreviated hashes.
enum TraceIDPrefix {
    /// O(ids); `sorted` must be in increasing order.
    static func uniqueLength(_ sorted: [TraceID], minimum: Int = 8) -> Int {
        let hex = sorted.map(\.hex)
        var needed = minimum
        for (a, b) in zip(hex, hex.dropFirst()) {
            let common = zip(a.utf8, b.utf8).prefix { $0 == $1 }.count
            needed = max(needed, common + 1)
        }
        return min(needed, 32)
    }
}
