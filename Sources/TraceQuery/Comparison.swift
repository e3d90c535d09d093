/// `field op value`: one comparison of a span field with a literal. Equality ignores ranges.
public struct Comparison: Sendable, Hashable {
    public var field: FieldReference
    public var op: ComparisonOperator
    /// The literal, already of the field's type (a `.status` for `status`, a `.duration` for
    /// `duration`); for `=~`/`!~` a `.string` holding the pattern.
    public var value: QueryLiteral
    public var range: SourceRange

    public init(field: FieldReference, op: ComparisonOperator, value: QueryLiteral, range: SourceRange) {
        self.field = field
        self.op = op
        self.value = value
        self.range = range
    }

    public static func == (a: Comparison, b: Comparison) -> Bool {
        a.field == b.field && a.op == b.op && a.value == b.value
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(field)
        hasher.combine(op)
        hasher.combine(value)
    }
}

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

/// A comparison operator between a field and a literal.
public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    /// `=~`: the whole string matches a regular expression.
    case matches = "=~"
    /// `!~`: the string is present and does not match.
    case notMatches = "!~"
    /// `contains`: the string contains the literal (case-sensitive).
    case contains

    /// How the operator is written in canonical text.
    public var spelling: String { rawValue }

    /// True for `< <= > >=`.
    public var isOrdering: Bool {
        switch self {
        case .less, .lessOrEqual, .greater, .greaterOrEqual: true
        default: false
        }
    }

    /// True for `=~ !~ contains`, which work on text.
    public var isTextual: Bool { self == .matches || self == .notMatches || self == .contains }

    /// The operator with its operands swapped (`5s < duration` is `duration > 5s`); nil for the
    /// textual operators, which cannot swap.
    public var swapped: ComparisonOperator? {
        switch self {
        case .equal, .notEqual: self
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        case .matches, .notMatches, .contains: nil
        }
    }

    /// Whether an ordering result satisfies the operator (for the ordering and equality ops).
    @inline(__always)
    func holds(_ order: Int) -> Bool {
        switch self {
        case .equal: order == 0
        case .notEqual: order != 0
        case .less: order < 0
        case .lessOrEqual: order <= 0
        case .greater: order > 0
        case .greaterOrEqual: order >= 0
        case .matches, .notMatches, .contains: false
        }
    }
}
