import TraceModel

/// Runs a query's pipeline (`PipelineStage`) over the spans its spansets matched in one trace.
/// O(matched spans × stages), plus a tree when a stage reads depth, self time or child count.
enum Pipeline {
    /// The spans left after every stage, sorted; empty when no set is left.
    ///
    /// - Parameter spansets: the spans the `n`-th `.spanset` stage's expression matches in the
    ///   trace (sorted local indices).
    static func apply(_ stages: [PipelineStage], to matched: [Int32], in trace: Trace,
                      spansets: (Int) -> [Int32] = { _ in [] }) -> [Int32] {
        guard !stages.isEmpty, !matched.isEmpty else { return matched }
        let values = FieldValues(trace: trace)
        var sets: [[Int32]] = [matched]
        var spansetStage = 0
        for stage in stages {
            switch stage {
            case .spanset:
                let kept = Set(spansets(spansetStage))
                spansetStage += 1
                sets = sets.map { $0.filter(kept.contains) }.filter { !$0.isEmpty }
            case .select:
                break
            case .coalesce:
                sets = [Array(Set(sets.joined())).sorted()]
            case .by, .byValues:
                var grouped: [[Int32]] = []
                for set in sets {
                    var index: [[String?]: Int] = [:]
                    for span in set {
                        let key: [String?] = switch stage {
                        case .by(let fields): fields.map { values.text(of: $0.field, span: Int(span)) }
                        case .byValues(let exprs): exprs.map { values.value(of: $0, span: Int(span)).key }
                        default: []
                        }
                        if let i = index[key] { grouped[i].append(span) } else {
                            index[key] = grouped.count
                            grouped.append([span])
                        }
                    }
                }
                sets = grouped
            case .filter(let aggregate, let op, let value):
                guard let target = value.numeric else { return [] }
                sets = sets.filter { set in
                    guard let v = Self.aggregate(aggregate, of: set, values: values) else { return false }
                    return op.holds(v < target ? -1 : (v == target ? 0 : 1))
                }
            }
            if sets.isEmpty { return [] }
        }
        return Array(Set(sets.joined())).sorted()
    }

    /// The aggregate of one set; nil when no span of it has a numeric value for the field.
    static func aggregate(_ aggregate: PipelineStage.Aggregate, of set: [Int32], values: FieldValues) -> Double? {
        let numbers: [Double]
        var kind = aggregate.name
        switch aggregate {
        case .count: return Double(set.count)
        case .computed(let name, let e):
            numbers = set.compactMap { values.value(of: e, span: Int($0)).number }
            kind = name
        default:
            guard let field = aggregate.field else { return Double(set.count) }
            numbers = set.compactMap { values.number(of: field.field, span: Int($0)) }
        }
        guard !numbers.isEmpty else { return nil }
        switch kind {
        case "avg": return numbers.reduce(0, +) / Double(numbers.count)
        case "min": return numbers.min()
        case "max": return numbers.max()
        default: return numbers.reduce(0, +)
        }
    }
}

/// A field's value on a span of one trace, as a number (aggregates) or as text (`by`).
/// Attributes are looked up by exact key: the span's, then its resource's (`any` scope). The
/// tree, self times and summary are built only when a stage reads them; keys are looked up in
/// the string table once.
final class FieldValues {
    let trace: Trace
    private lazy var tree = TraceTree(trace)
    private lazy var selfTimes: [Nanoseconds] = tree.selfTimes(trace)
    private lazy var summary = TraceSummary(trace)
    private var keys: [String: StringID?] = [:]

    init(trace: Trace) {
        self.trace = trace
    }

    func number(of field: Field, span local: Int) -> Double? {
        let span = trace[local]
        let table = trace.table
        switch field {
        case .intrinsic(let i):
            switch i {
            case .duration: return Double(TimeMath.subtract(span.end.unixNanos, span.start.unixNanos))
            case .selfTime: return Double(selfTimes[local].value)
            case .depth: return Double(tree.depth[local])
            case .childCount: return Double(tree.childCount(of: local))
            case .traceDuration: return Double(summary.duration.value)
            case .traceSpans: return Double(summary.spanCount)
            case .traceErrors: return Double(summary.errorCount)
            case .traceServices: return Double(summary.services.count)
            case .eventTimeSinceStart:
                return table.events(of: span).first.map { Double(TimeMath.subtract($0.time.unixNanos, span.start.unixNanos)) }
            default: return nil
            }
        case .attribute:
            switch attribute(field, local: local) {
            case .int(let v)?: return Double(v)
            case .double(let v)?: return v
            case .string(let s)?: return Double(s)
            default: return nil
            }
        }
    }

    func text(of field: Field, span local: Int) -> String? {
        let span = trace[local]
        let table = trace.table
        switch field {
        case .intrinsic(let i):
            switch i {
            case .name: return table.strings[span.name]
            case .service: return table.serviceName(of: span)
            case .status: return span.status.name
            case .kind: return span.kind.name
            case .statusMessage: return table.strings[span.statusMessage]
            case .scopeName: return table.strings[table.scope(of: span).name]
            case .scopeVersion: return table.strings[table.scope(of: span).version]
            case .traceService: return table.strings[summary.rootService]
            case .traceName: return table.strings[summary.rootName]
            case .root: return span.parentSpanID.isValid ? "false" : "true"
            // The first event's or link's (a span without any has none).
            case .eventName: return table.events(of: span).first.map { table.strings[$0.name] }
            case .linkTraceID: return table.links(of: span).first?.traceID.hex
            case .linkSpanID: return table.links(of: span).first?.spanID.hex
            default: return number(of: field, span: local).map { String($0) }
            }
        case .attribute:
            return attribute(field, local: local)?.displayText
        }
    }

    /// A computed value (`3 * .field - 2`) on a span, typed as TraceQL's arithmetic types it.
    func value(of e: ValueExpression, span local: Int) -> DynamicValue {
        switch e {
        case .literal(let l): return PredicateCompiler.dynamic(l.value)
        case .negate(let x): return value(of: x, span: local).negated
        case .arithmetic(let op, let l, let r):
            return DynamicValue.apply(op, value(of: l, span: local), value(of: r, span: local))
        case .field(let ref):
            switch ref.field.type {
            case .duration: return number(of: ref.field, span: local).map { .duration(DynamicValue.clampedInteger($0)) } ?? .none
            case .integer: return number(of: ref.field, span: local).map { .integer(DynamicValue.clampedInteger($0)) } ?? .none
            case .attribute:
                switch attribute(ref.field, local: local) {
                case .string(let s)?: return .string(s)
                case .int(let i)?: return .integer(i)
                case .double(let d)?: return .double(d)
                case .bool(let b)?: return .boolean(b)
                default: return .none
                }
            default: return text(of: ref.field, span: local).map { .string($0) } ?? .none
            }
        }
    }

    func attribute(_ field: Field, local: Int) -> AttributeValue? {
        guard case .attribute(let scope, let key) = field else { return nil }
        let table = trace.table
        let id: StringID?
        if let known = keys[key] { id = known } else {
            id = table.strings.lookup(key)
            keys[key] = id
        }
        guard let id else { return nil }
        return value(of: id, scope: scope, local: local)
    }

    /// The attribute `id` in a scope of a span (the first event or link that has it).
    private func value(of id: StringID, scope: AttributeScope, local: Int) -> AttributeValue? {
        let table = trace.table
        let span = trace[local]
        func read(_ range: ElementRange) -> AttributeValue? { table.attribute(id, in: range).map(table.value(of:)) }
        switch scope {
        case .span: return read(span.attributes)
        case .resource: return read(table.resources[Int(span.resource)].attributes)
        case .any: return read(span.attributes) ?? read(table.resources[Int(span.resource)].attributes)
        case .instrumentation: return read(table.scope(of: span).attributes)
        case .event: return table.events(of: span).lazy.compactMap { read($0.attributes) }.first
        case .link: return table.links(of: span).lazy.compactMap { read($0.attributes) }.first
        case .parent, .parentSpan, .parentResource:
            let p = tree.parent[local]
            guard p >= 0, let inner = scope.onParent else { return nil }
            return value(of: id, scope: inner, local: Int(p))
        }
    }
}
