/// A condition on one span. Equality ignores source ranges.
public struct SpanPredicate: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        /// `true` (every span) or `false` (none); `{ }` is `true`.
        case constant(Bool)
        /// All of two or more conditions (`AND`, `&&`), flattened: `a AND (b AND c)` has three.
        case and([SpanPredicate])
        /// Any of two or more conditions (`OR`, `||`), flattened.
        case or([SpanPredicate])
        /// `NOT x`, `!x`: true when x is false, *including* when x compared a missing attribute.
        case not(SpanPredicate)
        /// `field op value`.
        case comparison(Comparison)
        /// `field IN (v1, v2, ...)`.
        case membership(Membership)
        /// `exists(attr)` or a bare attribute name: the span (or its resource) has the attribute.
        case exists(FieldReference)
        /// TraceQL's arithmetic or field-to-field comparison (`{ .a + .b > 10 }`, `{ .a = .b }`).
        case valueComparison(ValueComparison)
    }

    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    public static func == (a: SpanPredicate, b: SpanPredicate) -> Bool { a.kind == b.kind }
    public func hash(into hasher: inout Hasher) { hasher.combine(kind) }
}
