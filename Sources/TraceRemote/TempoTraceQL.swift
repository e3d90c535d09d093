import TraceModel
import TraceQuery

/// A primer-syntax query in Tempo's TraceQL: `Duration > 5s AND service.name = "checkout"` is
/// `{ duration > 5000000000ns && resource.service.name = "checkout" }`. A primer filter holds on
/// a span, as a TraceQL spanset filter does, so the translation keeps its meaning.
///
/// Only what Tempo's TraceQL has is translated: AND and OR of comparisons (`=`, `!=`, `<`, `<=`,
/// `>`, `>=`, `=~`, `!~`) on the span's intrinsics (name, duration, status, status message,
/// kind), the trace's (trace duration, root service, root name) and attributes (unscoped, span,
/// resource). Anything else (NOT, `contains`, IN, trex's own fields, a pipeline) translates to
/// nil, and Tempo is sent the conditions the query implies instead (`TempoBackend.traceQL`).
enum TempoTraceQL {
    static func translate(_ query: Query) -> String? {
        guard !query.isMetrics, case .filter(let predicate) = query.root.kind, let body = condition(predicate, nested: false)
        else { return nil }
        return "{ " + body + " }"
    }

    private static func condition(_ p: SpanPredicate, nested: Bool) -> String? {
        switch p.kind {
        case .and(let list): return join(list, " && ", nested: nested)
        case .or(let list): return join(list, " || ", nested: nested)
        case .comparison(let c): return comparison(c)
        case .constant(true): return "true"
        default: return nil
        }
    }

    private static func join(_ list: [SpanPredicate], _ separator: String, nested: Bool) -> String? {
        var parts: [String] = []
        for item in list {
            guard let text = condition(item, nested: true) else { return nil }
            parts.append(text)
        }
        let joined = parts.joined(separator: separator)
        return nested ? "(" + joined + ")" : joined
    }

    private static func comparison(_ c: Comparison) -> String? {
        guard c.op != .contains, let field = field(c.field.field), let value = value(c.value.value) else { return nil }
        if c.op.isTextual, case .string = c.value.value {} else if c.op.isTextual { return nil }
        return "\(field) \(c.op.spelling) \(value)"
    }

    private static func field(_ f: Field) -> String? {
        switch f {
        case .intrinsic(let i):
            switch i {
            case .name: return "name"
            case .duration: return "duration"
            case .service: return "resource.service.name"
            case .status: return "status"
            case .statusMessage: return "statusMessage"
            case .kind: return "kind"
            case .traceDuration: return "traceDuration"
            case .traceService: return "rootServiceName"
            case .traceName: return "rootName"
            default: return nil
            }
        case .attribute(let scope, let key):
            guard key.allSatisfy({ $0.isLetter || $0.isNumber || "._-/:".contains($0) }), !key.isEmpty else { return nil }
            switch scope {
            case .any: return "." + key
            case .span: return "span." + key
            case .resource: return "resource." + key
            default: return nil
            }
        }
    }

    private static func value(_ v: QueryValue) -> String? {
        switch v {
        case .string(let s): QueryPrinter.quote(s)
        case .integer(let i): String(i)
        case .float(let d): d.isFinite ? "\(d)" : nil
        case .boolean(let b): b ? "true" : "false"
        case .duration(let d): "\(d.value)ns"
        case .status(let s): s.name.lowercased()
        case .kind(let k): k.name.lowercased()
        default: nil
        }
    }
}
