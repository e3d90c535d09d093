import TraceModel

/// TraceQL's scopes beyond the span and its resource, and the intrinsics of events and links.
///
/// A span satisfies an event or link condition when one of its events (links) does, each
/// condition on its own (`{ event.a = 1 && event.b = 2 }` may be met by two events). The
/// instrumentation scope is answered once per scope into a table; `parent.` reads the span's
/// parent in the trace tree (a root, or an orphan whose parent is missing, has none).
extension PredicateCompiler {
    /// A test on an attribute in one of the TraceQL-only scopes; nil `test` means existence.
    func scopedAttribute(scope: AttributeScope, name: String, test: AttributeMatcher.Test?) -> CompiledPredicate {
        let valueTest = test ?? { _ in true }
        if let inner = scope.onParent {
            switch attribute(scope: inner, name: name, test: test) {
            case .constant(false): return .constant(false)
            case .constant(true): return .test({ f, i in Self.parent(f, i) != nil }, cost: 2)
            case .test(let t, let cost):
                return .test({ f, i in Self.parent(f, i).map { t(f, $0) } ?? false }, cost: cost + 1)
            }
        }
        let keys = AttributeAliases.keys(for: name).compactMap { table.strings.lookup($0) }.filter { !$0.isEmpty }
        if keys.isEmpty { return .constant(false) }
        func holds(_ range: ElementRange, _ attributes: UnsafeBufferPointer<Attribute>) -> Bool {
            for key in keys {
                if let a = Self.find(key, range, attributes) { return valueTest(a) }
            }
            return false
        }
        switch scope {
        case .instrumentation:
            let answers = table.attributes.withUnsafeBufferPointer { all in table.scopes.map { holds($0.attributes, all) } }
            if !answers.contains(true) { return .constant(false) }
            return .test({ f, i in answers[Int(f.spans[i].scope)] }, cost: 1)
        case .event:
            let table = self.table
            return .test({ f, i in
                table.events[f.spans[i].events.range].contains { holds($0.attributes, f.attributes) }
            }, cost: 5)
        case .link:
            let table = self.table
            return .test({ f, i in
                table.links[f.spans[i].links.range].contains { holds($0.attributes, f.attributes) }
            }, cost: 5)
        default:
            return attribute(scope: scope, name: name, test: test)
        }
    }

    /// `event:name`, `event:timeSinceStart`, `link:traceID`, `link:spanID`: true when one of
    /// the span's events (links) compares true.
    func eventOrLinkIntrinsic(_ field: Intrinsic, _ op: ComparisonOperator, _ value: QueryValue) -> CompiledPredicate {
        let table = self.table
        switch (field, value) {
        case (.eventName, .string(let s)):
            let m = StringMatcher(op: op, literal: s, table: table)
            if case .equal(nil) = m { return .constant(false) }
            return .test({ f, i in table.events[f.spans[i].events.range].contains { m($0.name) } }, cost: 4)
        case (.eventTimeSinceStart, .duration(let d)):
            return .test({ f, i in
                let start = f.spans[i].start.unixNanos
                return table.events[f.spans[i].events.range].contains { e in
                    let since = TimeMath.subtract(e.time.unixNanos, start)
                    return op.holds(since < d.value ? -1 : (since == d.value ? 0 : 1))
                }
            }, cost: 4)
        case (.linkTraceID, .traceID(let pattern)):
            let written = table.writtenTraceIDs
            return .test({ f, i in
                table.links[f.spans[i].links.range].contains { l in
                    pattern.matches(l.traceID, written: written.isEmpty ? nil : written[l.traceID]) == (op == .equal)
                }
            }, cost: 4)
        case (.linkSpanID, .spanID(let id)):
            return .test({ f, i in
                table.links[f.spans[i].links.range].contains { ($0.spanID == id) == (op == .equal) }
            }, cost: 4)
        default:
            return .constant(false)
        }
    }

    /// The global index of a span's parent in the trace, when the trace has it.
    @inline(__always)
    static func parent(_ f: EvalFrame, _ i: Int) -> Int? {
        guard let tree = f.tree else { return nil }
        let p = tree.parent[i - f.base]
        return p < 0 ? nil : f.base + Int(p)
    }
}
