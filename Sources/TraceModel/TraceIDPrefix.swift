/// The shortest prefix of shown trace ids (`TraceID.shownHex`) that tells them apart, like
/// git's abbreviated hashes.
public enum TraceIDPrefix {
    /// At least `minimum` digits, at most 32. O(ids log ids).
    public static func uniqueLength(_ ids: some Sequence<TraceID>, minimum: Int = 8) -> Int {
        let shown = Set(ids).map(\.shownHex).sorted()
        var needed = minimum
        for (a, b) in zip(shown, shown.dropFirst()) {
            let common = zip(a.utf8, b.utf8).prefix { $0 == $1 }.count
            needed = max(needed, common + 1)
        }
        return min(needed, 32)
    }
}
