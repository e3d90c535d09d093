/// `field op value`: one comparison of a span field with a literal. Equality ignores ranges.
public struct Comparison: Sendable, Hashable {
    public var field: FieldReference
    public var op: ComparisonOperator
    /// The literal, already of the field's type (a `.status` for `status`, a `.duration` for
    /// `duration`); for `=~`/`!~` a `.string` holding the pattern.
    public var value: QueryLiteral
    public var range: SourceRange
    /// TraceQL's typing, as in braces: an attribute of another type than the literal compares
    /// false (`!=` too), and a number in a string is a string.
    public var strictTypes: Bool

    public init(field: FieldReference, op: ComparisonOperator, value: QueryLiteral, range: SourceRange,
                strictTypes: Bool = false) {
        self.strictTypes = strictTypes
        self.field = field
        self.op = op
        self.value = value
        self.range = range
    }

    public static func == (a: Comparison, b: Comparison) -> Bool {
        a.field == b.field && a.op == b.op && a.value == b.value && a.strictTypes == b.strictTypes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(field)
        hasher.combine(strictTypes)
        hasher.combine(op)
        hasher.combine(value)
    }
}
