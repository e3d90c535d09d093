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
