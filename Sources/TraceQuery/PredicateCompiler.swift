import TraceModel

/// Compiles a checked condition into closures over one `SpanTable`, once per query.
///
/// Literals are resolved against the table here (string literals to `StringID`s, attribute
/// keys and their renamed aliases to key ids); conditions on the resource alone (`service`,
/// `resource.x`) are answered once per resource into a lookup table; regexes, substring tests
/// and numeric parses of strings are cached per distinct string. The span loop then only
/// compares integers. O(size of the tree + resources + distinct strings touched).
struct PredicateCompiler {
    let table: SpanTable
    /// Shared by every leaf that reads numbers out of strings.
    let numbers: NumericStringCache

    init(table: SpanTable) {
        self.table = table
        numbers = NumericStringCache(table: table)
    }

    func compile(_ p: SpanPredicate) -> CompiledPredicate {
        switch p.kind {
        case .constant(let b): return .constant(b)
        case .and(let list): return .all(list.map(compile))
        case .or(let list): return .any(list.map(compile))
        case .not(let x): return .negation(compile(x))
        case .comparison(let c): return comparison(c.field.field, c.op, c.value.value, strict: c.strictTypes)
        case .membership(let m):
            return .any(m.values.map { comparison(m.field.field, .equal, $0.value, strict: m.strictTypes) })
        case .valueComparison(let v): return valueComparison(v)
        case .exists(let ref):
            if case .intrinsic(let i) = ref.field, i.isPerEventOrLink {
                let events = i == .eventName || i == .eventTimeSinceStart
                return .test({ f, s in (events ? f.spans[s].events.count : f.spans[s].links.count) > 0 }, cost: 1)
            }
            guard case .attribute(let scope, let name) = ref.field else { return .constant(true) }
            return scope.isTraceQLOnly ? scopedAttribute(scope: scope, name: name, test: nil)
                                       : attribute(scope: scope, name: name, test: nil)
        }
    }

    /// - Parameter strict: TraceQL's meaning (in braces): an attribute of another type than the
    ///   literal compares false, `!=` included, numbers in strings are strings, and
    ///   `trace:rootService`/`trace:rootName` are empty for a trace without a root span.
    func comparison(_ field: Field, _ op: ComparisonOperator, _ value: QueryValue,
                    strict: Bool = false) -> CompiledPredicate {
        switch field {
        case .intrinsic(let i) where strict && (i == .traceService || i == .traceName):
            return tracingRoot(i, op, value)
        case .intrinsic(let i): return intrinsic(i, op, value)
        case .attribute(let scope, let name):
            let test = AttributeMatcher.make(op: op, literal: value, table: table, numbers: numbers, strict: strict)
            return scope.isTraceQLOnly ? scopedAttribute(scope: scope, name: name, test: test)
                                       : attribute(scope: scope, name: name, test: test)
        }
    }

    // MARK: - Attributes

    /// A test on an attribute looked up under its key and the key's renamed alias; nil `test`
    /// means existence. Unscoped lookups try the span's attributes, then the resource's.
    func attribute(scope: AttributeScope, name: String, test: AttributeMatcher.Test?) -> CompiledPredicate {
        let keys = AttributeAliases.keys(for: name).compactMap { table.strings.lookup($0) }.filter { !$0.isEmpty }
        if keys.isEmpty { return .constant(false) }
        let valueTest = test ?? { _ in true }

        // Per resource: 0 = no such attribute, 1 = present and false, 2 = present and true.
        let perResource: [UInt8] = table.resources.map { r in
            for k in keys { if let a = table.attribute(k, in: r.attributes) { return valueTest(a) ? 2 : 1 } }
            return 0
        }
        let resourceTrue = perResource.map { $0 == 2 }
        if scope == .resource { return byResource(resourceTrue, cost: 1) }
        let fallback = scope == .any && resourceTrue.contains(true)
        let cost = test == nil ? 3 : 4

        if keys.count == 1 {
            let key = keys[0]
            if !fallback {
                return .test({ f, i in
                    guard let a = Self.find(key, f.spans[i].attributes, f.attributes) else { return false }
                    return valueTest(a)
                }, cost: cost)
            }
            return .test({ f, i in
                let span = f.spans[i]
                if let a = Self.find(key, span.attributes, f.attributes) { return valueTest(a) }
                return resourceTrue[Int(span.resource)]
            }, cost: cost)
        }
        return .test({ f, i in
            let span = f.spans[i]
            for key in keys {
                if let a = Self.find(key, span.attributes, f.attributes) { return valueTest(a) }
            }
            return fallback && resourceTrue[Int(span.resource)]
        }, cost: cost + 1)
    }

    /// The first attribute with a key in a span's range. O(attributes of the span).
    @inline(__always)
    static func find(_ key: StringID, _ range: ElementRange, _ attributes: UnsafeBufferPointer<Attribute>) -> Attribute? {
        var j = Int(range.start)
        let end = j + Int(range.count)
        while j < end {
            let a = attributes[j]
            if a.key == key { return a }
            j += 1
        }
        return nil
    }

    /// A condition answered per resource index, folded when every resource agrees.
    func byResource(_ answers: [Bool], cost: Int) -> CompiledPredicate {
        if !answers.contains(true) { return .constant(false) }
        if !answers.contains(false) { return .constant(true) }
        return .test({ f, i in answers[Int(f.spans[i].resource)] }, cost: cost)
    }
}
