import TraceModel
@testable import TraceQuery

/// Random checked query trees, for round-trip and fuzz tests. Every tree it makes is one the
/// checker could have produced: flat AND/OR lists of two or more, literals of the field's
/// type, valid regexes, no durations on attributes.
struct RandomQueries {
    var rng: SeededGenerator
    let r = SourceRange.at(0)

    init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    mutating func int(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }

    /// A random tree as the checker makes it: a query that prints with braces compares
    /// attributes with TraceQL's typing (`strictTypes`), one without does not.
    mutating func spanset(depth: Int) -> SpansetExpression {
        let tree = anySpanset(depth: depth)
        var braced = true
        if case .filter(let p) = tree.kind { braced = QueryPrinter.needsBraces(p) }
        return braced ? Self.typedStrictly(tree) : tree
    }

    private mutating func anySpanset(depth: Int) -> SpansetExpression {
        if depth <= 0 || int(3) == 0 { return SpansetExpression(.filter(predicate(depth: 2)), range: r) }
        let op = pick(SpansetOperator.allCases)
        return SpansetExpression(.combine(op, anySpanset(depth: depth - 1), anySpanset(depth: depth - 1)), range: r)
    }

    /// Every attribute comparison and membership of a tree with `strictTypes` set.
    static func typedStrictly(_ e: SpansetExpression) -> SpansetExpression {
        switch e.kind {
        case .filter(let p): return SpansetExpression(.filter(typedStrictly(p)), range: e.range)
        case .combine(let op, let l, let r):
            return SpansetExpression(.combine(op, typedStrictly(l), typedStrictly(r)), range: e.range)
        case .pipeline(let inner, let stages):
            return SpansetExpression(.pipeline(typedStrictly(inner), stages), range: e.range)
        }
    }

    /// The fields whose meaning TraceQL changes (as `Checker.strictTypes` says).
    static func traceQLMeaning(_ f: Field) -> Bool {
        switch f {
        case .attribute, .intrinsic(.traceService), .intrinsic(.traceName): true
        default: false
        }
    }

    static func typedStrictly(_ p: SpanPredicate) -> SpanPredicate {
        var p = p
        switch p.kind {
        case .constant, .exists, .valueComparison: break
        case .and(let list): p.kind = .and(list.map(typedStrictly))
        case .or(let list): p.kind = .or(list.map(typedStrictly))
        case .not(let x): p.kind = .not(typedStrictly(x))
        case .comparison(var c):
            c.strictTypes = traceQLMeaning(c.field.field)
            p.kind = .comparison(c)
        case .membership(var m):
            m.strictTypes = traceQLMeaning(m.field.field)
            p.kind = .membership(m)
        }
        return p
    }

    mutating func predicate(depth: Int, parent: Int = 0) -> SpanPredicate {
        let choice = depth <= 0 ? 3 + int(4) : int(8)
        switch choice {
        case 0 where parent != 1, 1 where parent != 2:
            let and = choice == 0
            let parts = (0..<(2 + int(3))).map { _ in predicate(depth: depth - 1, parent: and ? 1 : 2) }
            return SpanPredicate(and ? .and(parts) : .or(parts), range: r)
        case 2:
            return SpanPredicate(.not(predicate(depth: depth - 1)), range: r)
        case 3:
            return SpanPredicate(.exists(FieldReference(attributeField(), spelling: "", range: r)), range: r)
        case 4 where int(4) == 0:
            return SpanPredicate(.constant(int(2) == 0), range: r)
        case 5:
            let (field, value) = typed()
            let values = [value] + (0..<int(3)).map { _ in typed(field).1 }
            return SpanPredicate(.membership(Membership(field: ref(field), values: values, range: r)), range: r)
        default:
            return SpanPredicate(.comparison(comparison()), range: r)
        }
    }

    func ref(_ f: Field) -> FieldReference { FieldReference(f, spelling: "", range: r) }

    mutating func comparison() -> Comparison {
        if int(3) == 0 {
            let textual = pick([ComparisonOperator.matches, .notMatches, .contains])
            let field = int(2) == 0 ? Field.intrinsic(pick([.name, .service, .statusMessage, .traceName])) : attributeField()
            let value = textual == .contains ? string() : pick(["GET .*", "(?i)err.*", "[a-z]+", "x|y", ".*", "a\\.b"])
            return Comparison(field: ref(field), op: textual, value: QueryLiteral(.string(value), range: r), range: r)
        }
        let (field, value) = typed()
        var ops: [ComparisonOperator] = [.equal, .notEqual]
        switch field.type {
        case .duration, .integer, .string: ops += [.less, .lessOrEqual, .greater, .greaterOrEqual]
        case .attribute:
            if case .boolean = value.value {} else { ops += [.less, .lessOrEqual, .greater, .greaterOrEqual] }
        default: break
        }
        return Comparison(field: ref(field), op: pick(ops), value: value, range: r)
    }

    /// A random field with a literal of its type.
    mutating func typed(_ given: Field? = nil) -> (Field, QueryLiteral) {
        let field = given ?? (int(2) == 0 ? .intrinsic(pick(Intrinsic.allCases)) : attributeField())
        let value: QueryValue
        switch field.type {
        case .duration: value = .duration(Nanoseconds(Int64(bitPattern: rng.next()) / Int64(1 + int(1_000_000))))
        case .string: value = .string(string())
        case .integer: value = int(2) == 0 ? .integer(Int64(bitPattern: rng.next())) : .float(double())
        case .boolean: value = .boolean(int(2) == 0)
        case .status: value = .status(pick(StatusCode.allCases))
        case .kind: value = .kind(pick(SpanKind.allCases))
        case .traceID: value = .traceID(TraceIDPattern(TraceID(high: rng.next(), low: rng.next()).hex)!)
        case .spanID: value = .spanID(SpanID(rng.next()))
        case .problem: value = .problem(pick(TraceProblems.all))
        case .attribute:
            switch int(4) {
            case 0: value = .string(string())
            case 1: value = .integer(Int64(bitPattern: rng.next()) >> int(64))
            case 2: value = .float(double())
            default: value = .boolean(int(2) == 0)
            }
        }
        return (field, QueryLiteral(value, range: r))
    }

    mutating func attributeField() -> Field {
        let names = ["http.status_code", "user.id", "a", "x-y", "in", "AND", "duration", "name", "service.name",
                     "span.x", "resource.y", ".lead", "trail.", "odd key", "back`tick", "back\\slash", "ünï",
                     "1digit", "e\u{301}", "\u{301}mark", "tab\there", "line\nbreak", "k8s.pod.name", "_u"]
        return .attribute(pick(AttributeScope.allCases), pick(names))
    }

    mutating func string() -> String {
        let pieces = ["", "a", "checkout", "GET /", "\"", "\\", "\n", "\t", "\r", "\0", "é", "e\u{301}", "\u{301}",
                      "😀", "\u{200B}", "\u{7F}", "µs", "{", "}", "`", " ", "AND", "1.5", "-3"]
        return (0..<int(4)).map { _ in pick(pieces) }.joined()
    }

    mutating func double() -> Double {
        switch int(4) {
        case 0: return Double(Int64(bitPattern: rng.next()) >> int(64))
        case 1: return Double(bitPattern: rng.next() & 0x7FEF_FFFF_FFFF_FFFF) * (int(2) == 0 ? 1 : -1)
        case 2: return Double(int(1000)) / 8
        default: return -0.0 + Double(int(100)) * 1e-9
        }
    }
}
