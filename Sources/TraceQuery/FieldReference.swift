/// A field as written in a query, resolved. Equality compares `field` only.
public struct FieldReference: Sendable, Hashable {
    public var field: Field
    /// The field as typed (`Service.Name`, `` span.`odd key` ``).
    public var spelling: String
    public var range: SourceRange

    public init(_ field: Field, spelling: String, range: SourceRange) {
        self.field = field
        self.spelling = spelling
        self.range = range
    }

    public static func == (a: FieldReference, b: FieldReference) -> Bool { a.field == b.field }
    public func hash(into hasher: inout Hasher) { hasher.combine(field) }
}
