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
