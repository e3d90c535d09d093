/// TraceQL's computed values, with only the parentheses precedence requires.
extension QueryPrinter {
    static func value(_ e: ValueExpression) -> String { value(e, context: 0) }

    /// A field as it reads back as a field beside a value: an unscoped attribute gets TraceQL's
    /// leading dot (`.b`, ``.`odd key` ``), since a bare word there is a value (`status = error`).
    static func operandField(_ f: Field) -> String {
        let text = field(f)
        guard case .attribute(.any, _) = f, !text.hasPrefix(".") else { return text }
        return "." + text
    }

    private static func value(_ e: ValueExpression, context: Int) -> String {
        switch e {
        case .field(let f): return operandField(f.field)
        case .literal(let l):
            let text = value(l.value)
            // `- -5` and `2 ^ -1` read back; a negative literal on the left of `^` needs ( ).
            return text.hasPrefix("-") && context >= ArithmeticOperator.power.precedence ? "(" + text + ")" : text
        case .negate(let x):
            let text = "-" + value(x, context: ArithmeticOperator.power.precedence + 1)
            return context > ArithmeticOperator.power.precedence ? "(" + text + ")" : text
        case .arithmetic(let op, let l, let r):
            let p = op.precedence
            let left = value(l, context: op.isRightAssociative ? p + 1 : p)
            let right = value(r, context: op.isRightAssociative ? p : p + 1)
            let text = left + " " + op.rawValue + " " + right
            return p < context ? "(" + text + ")" : text
        }
    }
}
