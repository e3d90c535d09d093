import TraceModel

/// The canonical text of a query: `parse(print(q)) == q` for every checked query.
///
/// Keywords upper-case (AND OR NOT IN), intrinsics by canonical name (`service`, not
/// `service.name`), status and kind names upper-case, durations as exact compounds (`1m30s`,
/// `1s500ms`), attribute keys bare when they read back as the same field and backtick-quoted
/// otherwise, and only the parentheses precedence requires. A lone filter prints without
/// braces unless it reads something only TraceQL has (TraceQL's typing of attributes, the
/// `event.` and other TraceQL scopes); filters inside a spanset expression print in `{ }`.
/// O(size of the tree).
public enum QueryPrinter {
    public static func print(_ expression: SpansetExpression) -> String {
        if case .filter(let p) = expression.kind, !needsBraces(p) { return print(p) }
        return spanset(expression)
    }

    /// True when a condition means what it means only in braces.
    static func needsBraces(_ p: SpanPredicate) -> Bool {
        func traceQLOnly(_ f: Field) -> Bool {
            if case .attribute(let scope, _) = f { return scope.isTraceQLOnly }
            return false
        }
        switch p.kind {
        case .constant: return false
        case .and(let list), .or(let list): return list.contains(where: needsBraces)
        case .not(let x): return needsBraces(x)
        case .comparison(let c): return c.strictTypes || traceQLOnly(c.field.field)
        case .membership(let m): return m.strictTypes || traceQLOnly(m.field.field)
        case .exists(let f): return traceQLOnly(f.field)
        case .valueComparison(let v):
            // Literals compared with literals are TraceQL's only.
            let fields = v.lhs.fields + v.rhs.fields
            return fields.isEmpty || fields.contains { traceQLOnly($0.field) }
        }
    }

    public static func print(_ predicate: SpanPredicate) -> String { condition(predicate, context: 0) }

    /// A pipeline, each stage after ` | ` (empty for none).
    public static func print(_ pipeline: [PipelineStage]) -> String {
        pipeline.map { stage in
            " | " + {
                switch stage {
                case .filter(let aggregate, let op, let v):
                    "\(aggregate.name)(\(argument(aggregate))) \(op.spelling) \(value(v))"
                case .by(let fields): "by(" + fields.map { field($0.field) }.joined(separator: ", ") + ")"
                case .byValues(let values): "by(" + values.map { value($0) }.joined(separator: ", ") + ")"
                case .select(let fields): "select(" + fields.map { field($0.field) }.joined(separator: ", ") + ")"
                case .coalesce: "coalesce()"
                case .spanset(let e): spanset(e)
                }
            }()
        }.joined()
    }

    /// What an aggregate reads: its field, a computed value, or nothing (`count()`).
    private static func argument(_ aggregate: PipelineStage.Aggregate) -> String {
        if case .computed(_, let e) = aggregate { return value(e) }
        return aggregate.field.map { field($0.field) } ?? ""
    }

    // MARK: - Spansets

    static func spanset(_ e: SpansetExpression) -> String {
        switch e.kind {
        case .filter(let p):
            if case .constant(true) = p.kind { return "{ }" }
            return "{ " + condition(p, context: 0, braced: true) + " }"
        case .pipeline(let inner, let stages):
            return "(" + spanset(inner) + print(stages) + ")"
        case .combine(let op, let l, let r):
            let p = OperatorTable.precedence(of: op)
            var left = spanset(l)
            var right = spanset(r)
            // AND and OR of spansets always in parentheses when mixed: in TraceQL they share a
            // precedence, in the primer's language AND binds tighter, and the text must read the
            // same either way.
            if precedence(l) < p || mixesChain(op, l) { left = "(" + left + ")" }
            if precedence(r) <= p || mixesChain(op, r) { right = "(" + right + ")" }
            return left + " " + op.rawValue + " " + right
        }
    }

    private static func mixesChain(_ op: SpansetOperator, _ child: SpansetExpression) -> Bool {
        guard op == .and || op == .or, case .combine(let inner, _, _) = child.kind else { return false }
        return (inner == .and || inner == .or) && inner != op
    }

    private static func precedence(_ e: SpansetExpression) -> Int {
        if case .combine(let op, _, _) = e.kind { return OperatorTable.precedence(of: op) }
        return Int.max
    }

    // MARK: - Conditions

    /// A condition, parenthesised when its operator binds looser than `context`. `braced`:
    /// inside `{ }`, where TraceQL gives AND and OR one precedence, an AND under an OR is
    /// parenthesised too.
    private static func condition(_ p: SpanPredicate, context: Int, braced: Bool = false) -> String {
        let text: String
        let own: Int
        switch p.kind {
        case .constant(let b):
            (text, own) = (b ? "true" : "false", .max)
        case .and(let list):
            (text, own) = (list.map { condition($0, context: OperatorTable.andPrecedence + 1, braced: braced) }
                            .joined(separator: " AND "), OperatorTable.andPrecedence)
        case .or(let list):
            let operand = braced ? OperatorTable.andPrecedence + 1 : OperatorTable.orPrecedence + 1
            (text, own) = (list.map { condition($0, context: operand, braced: braced) }.joined(separator: " OR "),
                           OperatorTable.orPrecedence)
        case .not(let x):
            (text, own) = ("NOT " + condition(x, context: OperatorTable.notPrecedence, braced: braced),
                           OperatorTable.notPrecedence)
        case .comparison(let c):
            (text, own) = (field(c.field.field) + " " + c.op.spelling + " " + value(c.value.value), .max)
        case .membership(let m):
            (text, own) = (field(m.field.field) + " IN (" + m.values.map { value($0.value) }.joined(separator: ", ") + ")",
                           .max)
        case .exists(let f):
            // An event's or link's intrinsic has no exists(): `event:name != nil`.
            if case .intrinsic(let i) = f.field, i.isPerEventOrLink {
                (text, own) = (field(f.field) + " != nil", .max)
            } else {
                (text, own) = ("exists(" + field(f.field) + ")", .max)
            }
        case .valueComparison(let v):
            (text, own) = (value(v.lhs) + " " + v.op.spelling + " " + value(v.rhs), .max)
        }
        return own < context ? "(" + text + ")" : text
    }

    // MARK: - Fields and values

    /// A field as it reads back to itself.
    public static func field(_ f: Field) -> String {
        switch f {
        case .intrinsic(let i):
            return i.canonicalName
        case .attribute(let scope, let name):
            let bare = scope.prefix + name
            if readsBack(bare, as: f) { return bare }
            var escaped = ""
            for scalar in name.unicodeScalars {
                if scalar == "\\" || scalar == "`" {
                    escaped += "\\" + String(scalar)
                } else if needsEscape(scalar) {
                    escaped += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
            return scope.prefix + "`" + escaped + "`"
        }
    }

    /// True when text is one name token that resolves to the field with and without braces.
    private static func readsBack(_ text: String, as f: Field) -> Bool {
        guard let tokens = try? Lexer.tokenize(text), tokens.count == 2, tokens[0].kind == .name(text) else { return false }
        // TraceQL's own scopes print in braces only; the others must read the same either way.
        var modes = [false, true]
        if case .attribute(let scope, _) = f, scope.isTraceQLOnly { modes = [true] }
        return modes.allSatisfy { traceQL in
            if case .success(let back) = FieldResolver.resolve(bare: text, traceQL: traceQL) { return back == f }
            return false
        }
    }

    /// True when text lexes as one plain name token (not a keyword).
    private static func isBareName(_ text: String) -> Bool {
        guard let first = text.first, Lexer.isNameStart(first), text.allSatisfy(Lexer.isNameContinue),
              Keyword(rawValue: text.lowercased()) == nil else { return false }
        return true
    }

    public static func value(_ v: QueryValue) -> String {
        switch v {
        case .string(let s): quote(s)
        case .integer(let i): String(i)
        case .float(let d): "\(d)"
        case .boolean(let b): b ? "true" : "false"
        case .duration(let ns): duration(ns)
        case .status(let s): s.name
        case .kind(let k): k.name
        case .traceID(let pattern): quote(pattern.text)
        case .spanID(let id): quote(id.hex)
        case .problem(let problem): quote(problem.name)
        }
    }

    /// A string in double quotes with `"` `\` and control characters escaped.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\0": out += "\\0"
            default:
                if needsEscape(scalar) {
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Control and format characters, and combining marks (which would otherwise fuse with the
    /// quote or escape before them into one character).
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x20 || scalar.value == 0x7F { return true }
        switch scalar.properties.generalCategory {
        case .format, .nonspacingMark, .spacingMark, .enclosingMark, .lineSeparator, .paragraphSeparator: return true
        default: return scalar.properties.isGraphemeExtend
        }
    }

    /// An exact duration literal: `0ns`, `100ms`, `1m30s`, `1s500ms`, `-2h`.
    public static func duration(_ d: Nanoseconds) -> String {
        if d.value == 0 { return "0ns" }
        var rest = d.value.magnitude
        var out = d.value < 0 ? "-" : ""
        let units: [(String, UInt64)] = [("h", 3_600_000_000_000), ("m", 60_000_000_000), ("s", 1_000_000_000),
                                         ("ms", 1_000_000), ("us", 1_000), ("ns", 1)]
        for (name, size) in units where rest >= size {
            out += String(rest / size) + name
            rest %= size
        }
        return out
    }
}
