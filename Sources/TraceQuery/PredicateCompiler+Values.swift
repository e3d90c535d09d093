import TraceModel

/// TraceQL's arithmetic and field-to-field comparisons, evaluated per span on `DynamicValue`s.
/// Slower than a plain comparison (values are built per span), so only these forms use it.
extension PredicateCompiler {
    typealias ValueReader = (EvalFrame, Int) -> DynamicValue

    func valueComparison(_ v: ValueComparison) -> CompiledPredicate {
        let lhs = reader(v.lhs)
        let op = v.op
        if op.isTextual {
            // A quoted pattern (the checker makes sure): tested on the left side's text.
            guard case .literal(let l) = v.rhs, case .string(let pattern) = l.value,
                  let test = StringMatcher.textTest(op, pattern) else { return .constant(false) }
            return .test({ f, i in
                guard case .string(let text) = lhs(f, i) else { return false }
                return test(text)
            }, cost: 7)
        }
        let rhs = reader(v.rhs)
        return .test({ f, i in
            let a = lhs(f, i)
            let b = rhs(f, i)
            guard let c = DynamicValue.compare(a, b) else { return false }
            if op.isOrdering, !a.isOrdered { return false }
            return op.holds(c)
        }, cost: 6)
    }

    func reader(_ e: ValueExpression) -> ValueReader {
        switch e {
        case .literal(let l):
            let value = Self.dynamic(l.value)
            return { _, _ in value }
        case .negate(let x):
            let inner = reader(x)
            return { f, i in inner(f, i).negated }
        case .arithmetic(let op, let l, let r):
            let (a, b) = (reader(l), reader(r))
            return { f, i in DynamicValue.apply(op, a(f, i), b(f, i)) }
        case .field(let ref):
            switch ref.field {
            case .intrinsic(let i): return intrinsicReader(i)
            case .attribute(let scope, let name): return attributeReader(scope, name)
            }
        }
    }

    static func dynamic(_ v: QueryValue) -> DynamicValue {
        switch v {
        case .string(let s): .string(s)
        case .integer(let i): .integer(i)
        case .float(let d): .double(d)
        case .boolean(let b): .boolean(b)
        case .duration(let d): .duration(d.value)
        case .status(let s): .status(s)
        case .kind(let k): .kind(k)
        case .traceID(let p): .string(p.text)
        case .spanID(let id): .string(id.hex)
        case .problem(let p): .string(p.name)
        }
    }

    private func intrinsicReader(_ field: Intrinsic) -> ValueReader {
        let table = self.table
        func number<G: Int64Getter>(_ g: G.Type, duration: Bool) -> ValueReader {
            duration ? { f, i in .duration(G.get(f, i)) } : { f, i in .integer(G.get(f, i)) }
        }
        switch field {
        case .duration: return number(DurationGetter.self, duration: true)
        case .selfTime: return number(SelfTimeGetter.self, duration: true)
        case .traceDuration: return number(TraceDurationGetter.self, duration: true)
        case .depth: return number(DepthGetter.self, duration: false)
        case .childCount: return number(ChildCountGetter.self, duration: false)
        case .traceSpans: return number(TraceSpansGetter.self, duration: false)
        case .traceErrors: return number(TraceErrorsGetter.self, duration: false)
        case .traceServices: return number(TraceServicesGetter.self, duration: false)
        case .name: return { f, i in .string(table.strings[f.spans[i].name]) }
        case .statusMessage: return { f, i in .string(table.strings[f.spans[i].statusMessage]) }
        case .service: return { f, i in .string(table.serviceName(of: f.spans[i])) }
        case .status: return { f, i in .status(f.spans[i].status) }
        case .kind: return { f, i in .kind(f.spans[i].kind) }
        case .root: return { f, i in .boolean(!f.spans[i].parentSpanID.isValid) }
        case .traceID: return { f, i in .string(f.spans[i].traceID.hex) }
        case .spanID: return { f, i in .string(f.spans[i].spanID.hex) }
        case .parentID: return { f, i in .string(f.spans[i].parentSpanID.hex) }
        case .scopeName: return { f, i in .string(table.strings[table.scope(of: f.spans[i]).name]) }
        case .scopeVersion: return { f, i in .string(table.strings[table.scope(of: f.spans[i]).version]) }
        case .traceService: return { f, _ in f.summary.map { .string(table.strings[$0.rootService]) } ?? .none }
        case .traceName: return { f, _ in f.summary.map { .string(table.strings[$0.rootName]) } ?? .none }
        case .traceProblem, .eventName, .eventTimeSinceStart, .linkTraceID, .linkSpanID:
            return { _, _ in .none }
        }
    }

    /// The attribute's value in its scope: the span's (then its resource's), the resource's, the
    /// instrumentation scope's, the parent's, or the first event's (link's) that has it.
    private func attributeReader(_ scope: AttributeScope, _ name: String) -> ValueReader {
        let table = self.table
        let keys = AttributeAliases.keys(for: name).compactMap { table.strings.lookup($0) }.filter { !$0.isEmpty }
        if keys.isEmpty { return { _, _ in .none } }
        func value(_ a: Attribute) -> DynamicValue {
            switch a.tag {
            case .string: .string(table.strings[StringID(a.payload)])
            case .bool: .boolean(a.payload != 0)
            case .smallInt, .int: table.intValue(of: a).map { .integer($0) } ?? .none
            case .double: table.doubleValue(of: a).map { .double($0) } ?? .none
            default: .none
            }
        }
        func read(_ range: ElementRange, _ attributes: UnsafeBufferPointer<Attribute>) -> DynamicValue? {
            for key in keys { if let a = Self.find(key, range, attributes) { return value(a) } }
            return nil
        }
        func span(_ scope: AttributeScope, _ f: EvalFrame, _ i: Int) -> DynamicValue {
            let s = f.spans[i]
            let resource = table.resources[Int(s.resource)].attributes
            switch scope {
            case .span: return read(s.attributes, f.attributes) ?? .none
            case .resource: return read(resource, f.attributes) ?? .none
            case .instrumentation: return read(table.scope(of: s).attributes, f.attributes) ?? .none
            case .event:
                for e in table.events[s.events.range] { if let v = read(e.attributes, f.attributes) { return v } }
                return .none
            case .link:
                for l in table.links[s.links.range] { if let v = read(l.attributes, f.attributes) { return v } }
                return .none
            default: return read(s.attributes, f.attributes) ?? read(resource, f.attributes) ?? .none
            }
        }
        if let inner = scope.onParent {
            return { f, i in Self.parent(f, i).map { span(inner, f, $0) } ?? .none }
        }
        return { f, i in span(scope, f, i) }
    }
}
