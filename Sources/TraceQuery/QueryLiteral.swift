import TraceModel

/// A literal in a query, with where it was written. Equality compares `value` only.
public struct QueryLiteral: Sendable, Hashable {
    public var value: QueryValue
    public var range: SourceRange

    public init(_ value: QueryValue, range: SourceRange) {
        self.value = value
        self.range = range
    }

    public static func == (a: QueryLiteral, b: QueryLiteral) -> Bool { a.value == b.value }
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
