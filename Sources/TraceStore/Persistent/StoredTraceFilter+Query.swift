import TraceModel
import TraceQuery

extension StoredTraceFilter {
    /// What a query implies (`Query.indexableConstraints`, plus the attribute equalities found
    /// the same way: operands of AND, `&&` and the structural operators, never under OR or
    /// NOT). Operators the store cannot use (`duration != 5s`) are left out, which only widens
    /// the candidates. O(size of the query).
    public init(_ query: Query) {
        self.init()
        var filters: [Int: StoredSpanFilter] = [:]
        for c in query.indexableConstraints {
            if c.field == .traceDuration || c.field == .traceService || c.field == .traceName {
                addTraceLevel(c)
                continue
            }
            var f = filters[c.spanset] ?? StoredSpanFilter()
            switch c.field {
            case .service: if let s = Self.stringCondition(c) { f.services.append(s) }
            case .name: if let s = Self.stringCondition(c) { f.names.append(s) }
            case .duration:
                if let range = Self.durationRange(c) {
                    if let met = (f.duration ?? range).meeting(range) { f.duration = met } else { isImpossible = true }
                }
            case .status:
                let values = Set(c.values.compactMap { v -> StatusCode? in if case .status(let s) = v { s } else { nil } })
                let allowed = c.op == .notEqual ? Set(StatusCode.allCases).subtracting(values) : values
                f.statuses = f.statuses.map { $0.intersection(allowed) } ?? allowed
            case .kind:
                let values = Set(c.values.compactMap { v -> SpanKind? in if case .kind(let k) = v { k } else { nil } })
                let allowed = c.op == .notEqual ? Set(SpanKind.allCases).subtracting(values) : values
                f.kinds = f.kinds.map { $0.intersection(allowed) } ?? allowed
            case .traceDuration, .traceService, .traceName: break
            }
            filters[c.spanset] = f
        }
        for (spanset, condition) in AttributeEqualities.collect(query.root) {
            filters[spanset, default: StoredSpanFilter()].attributes.append(condition)
        }
        spansets = filters.keys.sorted().map { filters[$0]! }
    }

    private mutating func addTraceLevel(_ c: IndexableConstraint) {
        switch c.field {
        case .traceDuration:
            if let range = Self.durationRange(c) {
                if let met = (duration ?? range).meeting(range) { duration = met } else { isImpossible = true }
            }
        case .traceService: if let s = Self.stringCondition(c) { rootServices.append(s) }
        case .traceName: if let s = Self.stringCondition(c) { rootNames.append(s) }
        default: break
        }
    }

    /// `=` and IN as a set of values, any other operator as a comparison.
    static func stringCondition(_ c: IndexableConstraint) -> StoredStringCondition? {
        let strings = c.values.compactMap { v -> String? in if case .string(let s) = v { s } else { nil } }
        guard strings.count == c.values.count, !strings.isEmpty else { return nil }
        if c.op == .equal { return .oneOf(strings) }
        return strings.count == 1 ? .comparison(c.op, strings[0]) : nil
    }

    /// The durations a comparison allows; nil for `!=` (two ranges) and non-durations.
    static func durationRange(_ c: IndexableConstraint) -> ClosedRange<Nanoseconds>? {
        guard c.values.count == 1, case .duration(let d) = c.values[0] else { return nil }
        let min = Nanoseconds(.min), max = Nanoseconds(.max)
        switch c.op {
        case .equal: return d...d
        case .less: return d.value == .min ? nil : Nanoseconds.below(d)
        case .lessOrEqual: return min...d
        case .greater: return d.value == .max ? nil : Nanoseconds.above(d)
        case .greaterOrEqual: return d...max
        default: return nil
        }
    }
}
