/// `field IN (v1, v2, ...)`: true when the field equals one of the values. Equality ignores
/// ranges.
public struct Membership: Sendable, Hashable {
    public var field: FieldReference
    /// One or more literals, each of the field's type.
    public var values: [QueryLiteral]
    public var range: SourceRange
    /// TraceQL's typing, as in braces: an attribute of another type than the literal compares
    /// false (`!=` too), and a number in a string is a string.
    public var strictTypes: Bool

    public init(field: FieldReference, values: [QueryLiteral], range: SourceRange, strictTypes: Bool = false) {
        self.strictTypes = strictTypes
        self.field = field
        self.values = values
        self.range = range
    }

    public static func == (a: Membership, b: Membership) -> Bool { a.field == b.field && a.values == b.values && a.strictTypes == b.strictTypes }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(field)
        hasher.combine(strictTypes)
        hasher.combine(values)
    }
}
