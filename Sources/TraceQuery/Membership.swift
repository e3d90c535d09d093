/// `field IN (v1, v2, ...)`: true when the field equals one of the values. Equality ignores
/// ranges.
public struct Membership: Sendable, Hashable {
    public var field: FieldReference
    /// One or more literals, each of the field's type.
    public var values: [QueryLiteral]
    public var range: SourceRange

    public init(field: FieldReference, values: [QueryLiteral], range: SourceRange) {
        self.field = field
        self.values = values
        self.range = range
    }

    public static func == (a: Membership, b: Membership) -> Bool { a.field == b.field && a.values == b.values }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(field)
        hasher.combine(values)
    }
}
