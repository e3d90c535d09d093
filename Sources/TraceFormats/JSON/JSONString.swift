/// A JSON string token: where its content lies in the input, and whether it holds escapes.
///
/// Nothing is copied when a string is scanned. `JSONScanner.bytes(of:)` returns the content,
/// unescaping into a scratch buffer only when `hasEscapes` is set.
struct JSONString: Sendable {
    /// Offset of the first content byte (after the opening quote).
    var start: Int
    /// Offset of the closing quote.
    var end: Int
    var hasEscapes: Bool

    /// The length of the raw (still escaped) content.
    var rawCount: Int { end - start }
}
