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

/// A scalar (or skipped compound) value read before its meaning is known, as a Jaeger tag's
/// `value` that may precede its `type`.
enum JSONRawValue: Sendable {
    case string(JSONString)
    /// A number token's range; `integral` when it has neither fraction nor exponent.
    case number(start: Int, end: Int, integral: Bool)
    case bool(Bool)
    case null
    /// An object or array, skipped; its range in the input.
    case compound(start: Int, end: Int)
}
