import TraceModel

/// Intrinsic fields: integer, duration, enum, id and string fields of the span or its trace.
extension PredicateCompiler {
    func intrinsic(_ field: Intrinsic, _ op: ComparisonOperator, _ value: QueryValue) -> CompiledPredicate {
        switch field {
        case .duration: return number(DurationGetter.self, op, value)
        case .selfTime: return number(SelfTimeGetter.self, op, value)
        case .depth: return number(DepthGetter.self, op, value)
        case .childCount: return number(ChildCountGetter.self, op, value)
        case .traceDuration: return number(TraceDurationGetter.self, op, value)
        case .traceSpans: return number(TraceSpansGetter.self, op, value)
        case .traceErrors: return number(TraceErrorsGetter.self, op, value)
        case .traceServices: return number(TraceServicesGetter.self, op, value)
        case .status:
            guard case .status(let k) = value else { return .constant(false) }
            return equality(op) { f, i in f.spans[i].status == k }
        case .kind:
            guard case .kind(let k) = value else { return .constant(false) }
            return equality(op) { f, i in f.spans[i].kind == k }
        case .root:
            guard case .boolean(let b) = value else { return .constant(false) }
            return equality(op) { f, i in f.spans[i].parentSpanID.isValid != b }
        case .traceProblem:
            guard case .problem(let problem) = value else { return .constant(false) }
            return equality(op) { f, _ in f.problems?.contains(problem) ?? false }
        case .traceID:
            guard case .traceID(let pattern) = value else { return .constant(false) }
            let ids = Self.traces(matching: pattern, in: table)
            if ids.count == 1, let id = ids.first { return equality(op) { f, i in f.spans[i].traceID == id } }
            return equality(op) { f, i in ids.contains(f.spans[i].traceID) }
        case .spanID:
            guard case .spanID(let id) = value else { return .constant(false) }
            return equality(op) { f, i in f.spans[i].spanID == id }
        case .parentID:
            guard case .spanID(let id) = value else { return .constant(false) }
            return equality(op) { f, i in f.spans[i].parentSpanID == id }
        case .eventName, .eventTimeSinceStart, .linkTraceID, .linkSpanID:
            return eventOrLinkIntrinsic(field, op, value)
        case .name, .statusMessage, .service, .traceService, .traceName, .scopeName, .scopeVersion:
            guard case .string(let s) = value else { return .constant(false) }
            return string(field, StringMatcher(op: op, literal: s, table: table))
        }
    }

    /// `= k` as given, `!= k` as its negation; other operators cannot reach here after checking.
    /// The loaded traces an id names, as `trex show` resolves it: those it names whole when
    /// there are any, else every trace whose id (or written text) it is a prefix of. O(traces).
    static func traces(matching pattern: TraceIDPattern, in table: SpanTable) -> Set<TraceID> {
        let written = table.writtenTraceIDs
        let matching = table.traces.lazy.map(\.traceID).filter {
            pattern.matches($0, written: written.isEmpty ? nil : written[$0])
        }
        let whole = matching.filter { pattern.isWhole($0, written: written.isEmpty ? nil : written[$0]) }
        return Set(whole.isEmpty ? Array(matching) : Array(whole))
    }

    private func equality(_ op: ComparisonOperator, _ test: @escaping SpanTest) -> CompiledPredicate {
        switch op {
        case .equal: return .test(test, cost: 1)
        case .notEqual: return .test({ f, i in !test(f, i) }, cost: 1)
        default: return .constant(false)
        }
    }

    /// A string intrinsic through a matcher; `service` is answered per resource.
    private func string(_ field: Intrinsic, _ m: StringMatcher) -> CompiledPredicate {
        switch m {
        case .equal(nil), .never: return .constant(false)
        case .notEqual(nil) where !field.isTraceLevel: return .constant(true)
        default: break
        }
        let cost = if case .cached = m { 3 } else { 1 }
        switch field {
        case .name: return .test({ f, i in m(f.spans[i].name) }, cost: cost)
        case .statusMessage: return .test({ f, i in m(f.spans[i].statusMessage) }, cost: cost)
        case .service: return byResource(table.resources.map { m($0.serviceName) }, cost: 1)
        case .scopeName: return byScope(table.scopes.map { m($0.name) })
        case .scopeVersion: return byScope(table.scopes.map { m($0.version) })
        case .traceService: return .test({ f, _ in f.summary.map { m($0.rootService) } ?? false }, cost: cost)
        default: return .test({ f, _ in f.summary.map { m($0.rootName) } ?? false }, cost: cost)
        }
    }

    /// TraceQL's `trace:rootService` and `trace:rootName`: of the trace's first span without a
    /// parent, empty when it has none (a partial trace), where the trace list shows its earliest
    /// span instead.
    func tracingRoot(_ field: Intrinsic, _ op: ComparisonOperator, _ value: QueryValue) -> CompiledPredicate {
        guard case .string(let s) = value else { return .constant(false) }
        let m = StringMatcher(op: op, literal: s, table: table)
        if case .never = m { return .constant(false) }
        let table = self.table
        return .test({ f, _ in
            guard let root = f.root else { return m(.empty) }
            return m(field == .traceService ? table.serviceID(of: f.spans[root]) : f.spans[root].name)
        }, cost: 2)
    }

    /// A condition answered per instrumentation scope, folded when every scope agrees.
    private func byScope(_ answers: [Bool]) -> CompiledPredicate {
        if !answers.contains(true) { return .constant(false) }
        if !answers.contains(false) { return .constant(true) }
        return .test({ f, i in answers[Int(f.spans[i].scope)] }, cost: 1)
    }

    /// A numeric comparison on an integer field: exact for integer and duration literals,
    /// in doubles for float literals.
    private func number<G: Int64Getter>(_ getter: G.Type, _ op: ComparisonOperator,
                                       _ value: QueryValue) -> CompiledPredicate {
        let k: Int64
        switch value {
        case .integer(let i): k = i
        case .duration(let d): k = d.value
        case .float(let d):
            return .test({ f, i in
                let v = Double(G.get(f, i))
                return op.holds(v < d ? -1 : (v == d ? 0 : 1))
            }, cost: 2)
        default: return .constant(false)
        }
        switch op {
        case .equal: return .test({ f, i in G.get(f, i) == k }, cost: 1)
        case .notEqual: return .test({ f, i in G.get(f, i) != k }, cost: 1)
        case .less: return .test({ f, i in G.get(f, i) < k }, cost: 1)
        case .lessOrEqual: return .test({ f, i in G.get(f, i) <= k }, cost: 1)
        case .greater: return .test({ f, i in G.get(f, i) > k }, cost: 1)
        case .greaterOrEqual: return .test({ f, i in G.get(f, i) >= k }, cost: 1)
        case .matches, .notMatches, .contains: return .constant(false)
        }
    }
}
