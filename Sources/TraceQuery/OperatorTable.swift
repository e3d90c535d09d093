/// Precedence and associativity of every operator, in one table that drives the parser's
/// precedence climber (`Parser.parseExpression`) and the printer's parenthesisation.
///
/// | precedence | operators                     | associativity |
/// |-----------:|-------------------------------|---------------|
/// | 4          | `NOT` `!` (prefix)            | right         |
/// | 3          | `>>` `>` `<<` `<` `~` (spansets) | left       |
/// | 2          | `AND` `&&`                    | left          |
/// | 1          | `OR` `||`                     | left          |
///
/// Comparisons (`=`, `>`, `=~`, `contains`, `IN` ...) are not in the table: a comparison is an
/// operand (`field op value`), so `>` after a field is always a comparison and `>` after a
/// spanset is always the child operator.
enum OperatorTable {
    /// A binary operator of the table.
    enum Binary: Hashable {
        case chain(ChainOperator)
        case structural(SpansetOperator)

        var isChain: Bool { if case .chain = self { true } else { false } }
    }

    static let notPrecedence = 4
    static let structuralPrecedence = 3
    static let andPrecedence = 2
    static let orPrecedence = 1

    /// The binary operator a token starts, with its precedence (all binary operators are
    /// left-associative).
    static func binary(_ kind: TokenKind) -> (op: Binary, precedence: Int)? {
        switch kind {
        case .keyword(.or), .symbol(.doubleBar): (.chain(.or), orPrecedence)
        case .keyword(.and), .symbol(.doubleAmpersand): (.chain(.and), andPrecedence)
        case .symbol(.doubleGreater): (.structural(.descendant), structuralPrecedence)
        case .symbol(.greater): (.structural(.child), structuralPrecedence)
        case .symbol(.doubleLess): (.structural(.ancestor), structuralPrecedence)
        case .symbol(.less): (.structural(.parent), structuralPrecedence)
        case .symbol(.tilde): (.structural(.sibling), structuralPrecedence)
        case .symbol(.bangDoubleGreater): (.structural(.notDescendant), structuralPrecedence)
        case .symbol(.bangGreater): (.structural(.notChild), structuralPrecedence)
        case .symbol(.bangDoubleLess): (.structural(.notAncestor), structuralPrecedence)
        case .symbol(.bangLess): (.structural(.notParent), structuralPrecedence)
        case .symbol(.regexNoMatch): (.structural(.notSibling), structuralPrecedence)
        case .symbol(.ampersandDoubleGreater): (.structural(.unionDescendant), structuralPrecedence)
        case .symbol(.ampersandGreater): (.structural(.unionChild), structuralPrecedence)
        case .symbol(.ampersandDoubleLess): (.structural(.unionAncestor), structuralPrecedence)
        case .symbol(.ampersandLess): (.structural(.unionParent), structuralPrecedence)
        case .symbol(.ampersandTilde): (.structural(.unionSibling), structuralPrecedence)
        default: nil
        }
    }

    /// The precedence of a spanset operator, for printing.
    static func precedence(of op: SpansetOperator) -> Int {
        switch op {
        case .or: orPrecedence
        case .and: andPrecedence
        default: structuralPrecedence
        }
    }

    /// The comparison operator a token spells, if any (`==` is accepted for `=`).
    static func comparison(_ kind: TokenKind) -> ComparisonOperator? {
        switch kind {
        case .symbol(.equal), .symbol(.doubleEqual): .equal
        case .symbol(.notEqual): .notEqual
        case .symbol(.less): .less
        case .symbol(.lessOrEqual): .lessOrEqual
        case .symbol(.greater): .greater
        case .symbol(.greaterOrEqual): .greaterOrEqual
        case .symbol(.regexMatch): .matches
        case .symbol(.regexNoMatch): .notMatches
        case .keyword(.contains): .contains
        default: nil
        }
    }

    /// The operators that may follow a field, as listed in "expected ..." messages.
    static let comparisonSpellings = ["=", "!=", "<", "<=", ">", ">=", "=~", "!~", "contains", "IN"]
}
