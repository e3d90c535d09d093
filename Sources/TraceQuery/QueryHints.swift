import TraceModel

/// Hints about a valid query that the loaded data cannot satisfy, such as a misspelt
/// attribute or service, so an empty result is never silent.
///
/// Attribute names are open (a query may name any key), so an unknown key is not an error;
/// this check, run against a loaded table, is where a typo surfaces:
///
///     no span has attribute `user.idd` (did you mean `user.id`?)
///     no service named "chekout" (did you mean "checkout"?)
///     no span is longer than 5s (the longest is 3.2s)
///     this query can match nothing in the loaded data
public enum QueryHints {
    /// Hints for every condition that no span of the table can satisfy, in query order,
    /// without duplicates; empty when nothing stands out. O(spans + attributes of the table +
    /// size of the query × distinct keys for suggestions).
    public static func check(_ query: Query, table: SpanTable) -> [String] {
        let vocabulary = TableVocabulary(table)
        var hints: [String] = []
        func add(_ hint: String?) {
            if let hint, !hints.contains(hint) { hints.append(hint) }
        }
        visit(query.root) { predicate in
            switch predicate.kind {
            case .exists(let ref):
                add(missingAttribute(ref.field, vocabulary))
            case .comparison(let c):
                add(missingAttribute(c.field.field, vocabulary) ?? missingValue(c.field.field, c.op, c.value.value, vocabulary))
            case .membership(let m):
                if let hint = missingAttribute(m.field.field, vocabulary) {
                    add(hint)
                } else {
                    for v in m.values { add(missingValue(m.field.field, .equal, v.value, vocabulary)) }
                }
            default:
                break
            }
        }
        if !CompiledQuery(query, table: table).canMatch { add("this query can match nothing in the loaded data") }
        return hints
    }

    /// Calls `body` on every condition of the query, outermost first.
    private static func visit(_ e: SpansetExpression, _ body: (SpanPredicate) -> Void) {
        switch e.kind {
        case .filter(let p): visit(p, body)
        case .combine(_, let l, let r):
            visit(l, body)
            visit(r, body)
        }
    }

    private static func visit(_ p: SpanPredicate, _ body: (SpanPredicate) -> Void) {
        body(p)
        switch p.kind {
        case .and(let list), .or(let list): for x in list { visit(x, body) }
        case .not(let x): visit(x, body)
        default: break
        }
    }

    // MARK: - Attributes

    /// "no span has attribute `x`" when neither the key nor its renamed alias occurs in the scope.
    private static func missingAttribute(_ field: Field, _ v: TableVocabulary) -> String? {
        guard case .attribute(let scope, let name) = field else { return nil }
        let keys = AttributeAliases.keys(for: name).compactMap { v.table.strings.lookup($0) }
        if keys.contains(where: { v.has(key: $0, in: scope) }) { return nil }
        let owner = scope == .resource ? "no resource has attribute" : "no span has attribute"
        var hint = "\(owner) `\(QueryPrinter.field(field))`"
        if let near = Suggestions.nearest(to: name, in: v.keys(in: scope)) {
            hint += " (did you mean `\(QueryPrinter.field(.attribute(scope, near)))`?)"
        } else if scope == .any,
                  let near = Suggestions.nearest(to: name, in: Intrinsic.allCases.flatMap { [$0.canonicalName] + $0.aliases }),
                  let intrinsic = Intrinsic(named: near) {
            hint += " (did you mean the field `\(intrinsic.canonicalName)`?)"
        }
        return hint
    }

    // MARK: - Values

    /// A hint when an equality, or a duration bound, cannot hold in this table.
    private static func missingValue(_ field: Field, _ op: ComparisonOperator, _ value: QueryValue,
                                     _ v: TableVocabulary) -> String? {
        switch (field, value) {
        case (.intrinsic(.service), .string(let s)) where op == .equal:
            return absent(s, in: v.services, v, noun: "no service named")
        case (.intrinsic(.traceService), .string(let s)) where op == .equal:
            return absent(s, in: v.services, v, noun: "no trace has a root service named")
        case (.intrinsic(.name), .string(let s)) where op == .equal:
            return absent(s, in: v.spanNames, v, noun: "no span named")
        case (.intrinsic(.traceName), .string(let s)) where op == .equal:
            return absent(s, in: v.spanNames, v, noun: "no trace has a root span named")
        case (.intrinsic(.status), .status(let s)) where op == .equal:
            return v.statuses.contains(s) ? nil : "no span has status \(s.name)"
        case (.intrinsic(.kind), .kind(let k)) where op == .equal:
            return v.kinds.contains(k) ? nil : "no span has kind \(k.name)"
        case (.intrinsic(.duration), .duration(let d)) where op == .greater || op == .greaterOrEqual:
            return tooLong(d, op, v.longestSpan, noun: "span")
        case (.intrinsic(.traceDuration), .duration(let d)) where op == .greater || op == .greaterOrEqual:
            return tooLong(d, op, v.longestTrace, noun: "trace")
        case (.attribute, .string(let s)) where op == .equal:
            let notAString = NumericValue(parsing: s) != nil || ["true", "false"].contains(s.lowercased())
            if notAString || v.table.strings.lookup(s) != nil { return nil }
            return "no attribute holds \(QueryPrinter.quote(s)), so `\(QueryPrinter.field(field)) = \(QueryPrinter.quote(s))` matches nothing"
        default:
            return nil
        }
    }

    private static func absent(_ s: String, in flags: [Bool], _ v: TableVocabulary, noun: String) -> String? {
        if let id = v.table.strings.lookup(s), flags[Int(id.rawValue)] { return nil }
        var hint = "\(noun) \(QueryPrinter.quote(s))"
        if let near = Suggestions.nearest(to: s, in: v.strings(flags)) { hint += " (did you mean \(QueryPrinter.quote(near))?)" }
        return hint
    }

    private static func tooLong(_ d: Nanoseconds, _ op: ComparisonOperator, _ longest: Nanoseconds,
                                noun: String) -> String? {
        let impossible = op == .greater ? longest <= d : longest < d
        guard impossible else { return nil }
        return "no \(noun) is longer than \(DurationFormat.string(d)) (the longest is \(DurationFormat.string(longest)))"
    }
}
