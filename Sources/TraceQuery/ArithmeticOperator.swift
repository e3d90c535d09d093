/// TraceQL's arithmetic between field values: `{ .bytes / 1024 > 10 }`, `{ duration - 1s > 2s }`.
public enum ArithmeticOperator: String, Sendable, Hashable, CaseIterable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case modulo = "%"
    case power = "^"

    /// Binding strength: `^` over `* / %` over `+ -`.
    var precedence: Int {
        switch self {
        case .add, .subtract: 1
        case .multiply, .divide, .modulo: 2
        case .power: 3
        }
    }

    /// `^` groups to the right (`2 ^ 3 ^ 2` is `2 ^ 9`), the others to the left.
    var isRightAssociative: Bool { self == .power }

    /// The operator a token spells, if any.
    static func of(_ kind: TokenKind) -> ArithmeticOperator? {
        guard case .symbol(let s) = kind else { return nil }
        switch s {
        case .plus: return .add
        case .minus: return .subtract
        case .star: return .multiply
        case .slash: return .divide
        case .percent: return .modulo
        case .caret: return .power
        default: return nil
        }
    }
}
