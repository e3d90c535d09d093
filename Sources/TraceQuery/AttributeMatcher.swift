import TraceModel

/// Builds the test of one attribute value against `op literal`.
///
/// Values are compared in a common domain when there is one: strings as strings, numbers as
/// numbers (an integer attribute against `"500"`, a string attribute `"500"` against `400`),
/// booleans against `true`/`false` or the strings "true"/"false". With no common domain `=`
/// and the orderings are false and `!=` is true (the attribute is present and differs).
/// `=~ !~ contains` on a number or boolean match its text (`500`, `true`).
enum AttributeMatcher {
    typealias Test = (Attribute) -> Bool

    /// - Parameter strict: TraceQL's typing (braced queries): only a value of the literal's type
    ///   compares (a string with a string, a number with a number, a boolean with a boolean;
    ///   `=~ !~` need a string), so `{ .foo != 5 }` is false on the string "bar".
    ///
    /// An array matches `= =~ < ...` when one of its elements does, and `!= !~` when none does
    /// (with `strict`, when it has an element of the literal's type and none matches).
    static func make(op: ComparisonOperator, literal: QueryValue, table: SpanTable,
                     numbers: NumericStringCache, strict: Bool = false) -> Test {
        let positive: ComparisonOperator? = switch op {
        case .notEqual: .equal
        case .notMatches: .matches
        default: nil
        }
        let loose = scalar(op: positive ?? op, literal: literal, table: table, numbers: numbers)
        let inDomain = strict ? domain(of: literal, op: op) : nil
        let test: Test = inDomain.map { d in { a in d(a) && loose(a) } } ?? loose
        let nested = table.nested
        let compounds = table.compounds
        guard positive != nil else {
            return { a in
                guard a.tag == .array else { return test(a) }
                return nested[compounds[Int(a.payload)].range].contains(where: test)
            }
        }
        guard let inDomain else {
            return { a in
                guard a.tag == .array else { return !test(a) }
                return !nested[compounds[Int(a.payload)].range].contains(where: test)
            }
        }
        return { a in
            guard a.tag == .array else { return inDomain(a) && !test(a) }
            let elements = nested[compounds[Int(a.payload)].range]
            return elements.contains(where: inDomain) && !elements.contains(where: test)
        }
    }

    /// The values a literal compares with under TraceQL's typing.
    private static func domain(of literal: QueryValue, op: ComparisonOperator) -> Test {
        if op.isTextual { return { $0.tag == .string } }
        switch literal {
        case .string: return { $0.tag == .string }
        case .integer, .float: return { $0.tag == .smallInt || $0.tag == .int || $0.tag == .double }
        case .boolean: return { $0.tag == .bool }
        default: return { _ in false }
        }
    }

    /// The test of one scalar value (not an array), `!=` and `!~` not among the operators.
    private static func scalar(op: ComparisonOperator, literal: QueryValue, table: SpanTable,
                               numbers: NumericStringCache) -> Test {
        if op.isTextual { return textual(op: op, literal: literal, table: table) }
        switch literal {
        case .string(let s): return string(op: op, literal: s, table: table)
        case .integer(let i): return numeric(op: op, literal: .integer(i), table: table, numbers: numbers)
        case .float(let d): return numeric(op: op, literal: .double(d), table: table, numbers: numbers)
        case .boolean(let b): return boolean(op: op, literal: b, table: table)
        default: return { _ in false }
        }
    }

    private static func string(op: ComparisonOperator, literal s: String, table: SpanTable) -> Test {
        let strings = StringMatcher(op: op, literal: s, table: table)
        let number = NumericValue(parsing: s)
        let lower = s.lowercased()
        let bool: Bool? = lower == "true" ? true : (lower == "false" ? false : nil)
        return { a in
            switch a.tag {
            case .string: return strings(StringID(a.payload))
            case .smallInt, .int, .double:
                guard let number, let c = value(a, table).compare(number) else { return false }
                return op.holds(c)
            case .bool:
                guard let bool, op == .equal else { return false }
                return (a.payload != 0) == bool
            default: return false
            }
        }
    }

    private static func numeric(op: ComparisonOperator, literal: NumericValue, table: SpanTable,
                                numbers: NumericStringCache) -> Test {
        if case .integer(let k) = literal {
            return { a in
                switch a.tag {
                case .smallInt:
                    let v = Int64(Int32(bitPattern: a.payload))
                    return op.holds(v < k ? -1 : (v == k ? 0 : 1))
                case .int, .double:
                    guard let c = value(a, table).compare(literal) else { return false }
                    return op.holds(c)
                case .string:
                    guard let v = numbers.number(StringID(a.payload)), let c = v.compare(literal) else { return false }
                    return op.holds(c)
                default: return false
                }
            }
        }
        return { a in
            switch a.tag {
            case .smallInt, .int, .double:
                guard let c = value(a, table).compare(literal) else { return false }
                return op.holds(c)
            case .string:
                guard let v = numbers.number(StringID(a.payload)), let c = v.compare(literal) else { return false }
                return op.holds(c)
            default: return false
            }
        }
    }

    private static func boolean(op: ComparisonOperator, literal b: Bool, table: SpanTable) -> Test {
        guard op == .equal else { return { _ in false } }
        let spelled = b ? "true" : "false"
        let strings = StringPredicateCache(table: table) { $0.lowercased() == spelled }
        return { a in
            switch a.tag {
            case .bool: return (a.payload != 0) == b
            case .string: return strings(StringID(a.payload))
            default: return false
            }
        }
    }

    private static func textual(op: ComparisonOperator, literal: QueryValue, table: SpanTable) -> Test {
        guard case .string(let s) = literal, let text = StringMatcher.textTest(op, s) else { return { _ in false } }
        let strings = StringMatcher(op: op, literal: s, table: table)
        return { a in
            switch a.tag {
            case .string: return strings(StringID(a.payload))
            case .smallInt, .int, .double, .bool: return text(table.value(of: a).displayText)
            default: return false
            }
        }
    }

    /// The number of an integer or double attribute.
    @inline(__always)
    static func value(_ a: Attribute, _ table: SpanTable) -> NumericValue {
        if a.tag == .double { return .double(table.doubleValue(of: a) ?? .nan) }
        return .integer(table.intValue(of: a) ?? 0)
    }
}
