/// Guards a parser loop: each iteration must consume at least one token.
///
/// Modelled on swift-syntax's `LoopProgressCondition`: a loop that stops consuming input is a
/// bug that would hang on some query, so the check fails loudly in debug builds and ends the
/// loop in release builds.
struct LoopProgress {
    private var last: Int?

    /// True when `index` is past the index seen on the previous call (always true the first time).
    mutating func advanced(to index: Int) -> Bool {
        defer { last = index }
        guard let last else { return true }
        assert(index > last, "parser loop made no progress at token \(index)")
        return index > last
    }
}
