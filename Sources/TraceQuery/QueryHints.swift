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
    /// without duplicates, then "this query can match nothing in the loaded data" when those
    /// conditions sink the whole query (they sit under AND, or under every branch of an OR)
    /// or compilation folds it to false. Empty when nothing stands out.
    /// O(spans + attributes of the table × attribute conditions + size of the query × distinct
    /// keys for suggestions).
    public static func check(_ query: Query, table: SpanTable) -> [String] {
        var analysis = Analysis(vocabulary: TableVocabulary(table))
        let impossible = analysis.never(query.root)
        if impossible || !CompiledQuery(query, table: table).canMatch {
            analysis.add("this query can match nothing in the loaded data")
        }
        return analysis.hints
    }

    /// Walks the query, collecting hints and deciding whether each part can never hold.
    private struct Analysis {
        let vocabulary: TableVocabulary
        let numbers: NumericStringCache
        var hints: [String] = []

        init(vocabulary: TableVocabulary) {
            self.vocabulary = vocabulary
            numbers = NumericStringCache(table: vocabulary.table)
        }

        mutating func add(_ hint: String?) {
            if let hint, !hints.contains(hint) { hints.append(hint) }
        }

        /// True when no trace of the table can match the spanset expression.
        mutating func never(_ e: SpansetExpression) -> Bool {
            switch e.kind {
            case .filter(let p): return never(p)
            case .pipeline(let inner, _): return never(inner)
            case .combine(let op, let l, let r):
                let (a, b) = (never(l), never(r))
                if op.isNegated { return b }   // `{A} !>> {B}` needs no A span
                return op == .or ? a && b : a || b
            }
        }

        /// True when no span of the table satisfies the condition (as far as hints can tell).
        mutating func never(_ p: SpanPredicate) -> Bool {
            switch p.kind {
            case .constant(let b):
                return !b
            case .and(let list):
                var result = false
                for x in list where never(x) { result = true }
                return result
            case .or(let list):
                var result = true
                for x in list where !never(x) { result = false }
                return result
            case .not(let x):
                _ = never(x)
                return false
            case .exists(let ref):
                return report(QueryHints.missingAttribute(ref.field, vocabulary))
            case .valueComparison:
                return false
            case .comparison(let c):
                if report(QueryHints.missingAttribute(c.field.field, vocabulary)) { return true }
                if case .attribute = c.field.field {
                    let test = AttributeMatcher.make(op: c.op, literal: c.value.value, table: vocabulary.table,
                                                     numbers: numbers)
                    return report(unsatisfied(c.field.field, test, p))
                }
                return report(QueryHints.missingValue(c.field.field, c.op, c.value.value, vocabulary))
            case .membership(let m):
                if report(QueryHints.missingAttribute(m.field.field, vocabulary)) { return true }
                if case .attribute = m.field.field {
                    let tests = m.values.map {
                        AttributeMatcher.make(op: .equal, literal: $0.value, table: vocabulary.table, numbers: numbers)
                    }
                    return report(unsatisfied(m.field.field, { a in tests.contains { $0(a) } }, p))
                }
                var all = true
                for v in m.values where !report(QueryHints.missingValue(m.field.field, .equal, v.value, vocabulary)) {
                    all = false
                }
                return all
            }
        }

        /// Adds a hint if there is one; true when there was.
        private mutating func report(_ hint: String?) -> Bool {
            add(hint)
            return hint != nil
        }

        /// "no span has `cond`" when no attribute anywhere in the table under the field's keys
        /// passes the test (a conservative scan of every attribute, whatever its owner).
        private func unsatisfied(_ field: Field, _ test: AttributeMatcher.Test, _ p: SpanPredicate) -> String? {
            guard case .attribute(_, let name) = field else { return nil }
            let table = vocabulary.table
            let keys = AttributeAliases.keys(for: name).compactMap { table.strings.lookup($0) }
            for a in table.attributes where keys.contains(a.key) && test(a) { return nil }
            return "no span has `\(QueryPrinter.print(p))`"
        }
    }

    // MARK: - Attributes

    /// "no span has attribute `x`" when neither the key nor its renamed alias occurs in the scope.
    fileprivate static func missingAttribute(_ field: Field, _ v: TableVocabulary) -> String? {
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
    fileprivate static func missingValue(_ field: Field, _ op: ComparisonOperator, _ value: QueryValue,
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
