import TraceModel

/// Tests interned strings against `op "literal"` for string fields (name, service, string
/// attributes ...).
///
/// The literal is resolved to a `StringID` once: a literal that is not in the table cannot
/// equal any string there, so `=` is then always false and `!=` always true, with no string
/// comparison per span. Ordering, `=~`, `!~` and `contains` go through a
/// `StringPredicateCache`, so each runs once per distinct string.
enum StringMatcher {
    /// `= literal`; nil when the literal is not in the table.
    case equal(StringID?)
    /// `!= literal`; nil when the literal is not in the table.
    case notEqual(StringID?)
    /// Anything else, answered once per distinct string.
    case cached(StringPredicateCache)
    /// A pattern that does not compile (only reachable with a hand-built AST).
    case never

    init(op: ComparisonOperator, literal: String, table: SpanTable) {
        switch op {
        case .equal: self = .equal(table.strings.lookup(literal))
        case .notEqual: self = .notEqual(table.strings.lookup(literal))
        default:
            guard let test = Self.utf8Test(op, literal) else { self = .never; return }
            self = .cached(StringPredicateCache(table: table, utf8: test))
        }
    }

    @inline(__always)
    func callAsFunction(_ id: StringID) -> Bool {
        switch self {
        case .equal(let lit): return lit == id
        case .notEqual(let lit): return lit != id
        case .cached(let cache): return cache(id)
        case .never: return false
        }
    }

    /// The operator as a predicate on text: byte-wise UTF-8 order for `< <= > >=`, a whole-string
    /// match of RE2 (`LinearRegex`) for `=~ !~`, substring search for `contains`. Nil when the
    /// pattern does not compile.
    static func textTest(_ op: ComparisonOperator, _ literal: String) -> ((String) -> Bool)? {
        switch op {
        case .equal: return { $0 == literal }
        case .notEqual: return { $0 != literal }
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            return { text in op.holds(compareUTF8(text, literal)) }
        case .matches, .notMatches:
            guard let regex = try? LinearRegex(literal) else { return nil }
            let wanted = op == .matches
            return { text in regex.matches(text) == wanted }
        case .contains:
            if literal.isEmpty { return { _ in true } }
            return { $0.contains(literal) }
        }
    }

    /// `textTest` on UTF-8 bytes read in place: a regex runs on them directly when they are
    /// well-formed, the other operators (and a regex on ill-formed bytes) on the `String` they
    /// decode to, so both paths see the same text. Nil when the pattern does not compile.
    static func utf8Test(_ op: ComparisonOperator, _ literal: String) -> ((UnsafeRawBufferPointer) -> Bool)? {
        switch op {
        case .matches, .notMatches:
            guard let regex = try? LinearRegex(literal) else { return nil }
            let wanted = op == .matches
            return { bytes in
                let matched = UTF8Validity.isValid(bytes)
                    ? regex.matches(utf8: bytes) : regex.matches(String(decoding: bytes, as: UTF8.self))
                return matched == wanted
            }
        default:
            guard let test = textTest(op, literal) else { return nil }
            return { bytes in test(String(decoding: bytes, as: UTF8.self)) }
        }
    }

    /// -1, 0 or 1 by UTF-8 bytes (locale-free, the order `sort` gives on the command line).
    static func compareUTF8(_ a: String, _ b: String) -> Int {
        if a == b { return 0 }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
    }
}
