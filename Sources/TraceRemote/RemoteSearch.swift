import TraceModel
import TraceQuery

/// One search sent to a backend: the time window and limit, and what of the user's query the
/// backend can search itself (a service, an operation, duration bounds; for Tempo the TraceQL);
/// trex evaluates the whole query on what comes back.
public struct RemoteSearch: Sendable {
    public var window: ClosedRange<Timestamp>
    public var limit: Int
    public var service: String?
    public var operation: String?
    public var minDuration: Nanoseconds?
    public var maxDuration: Nanoseconds?
    /// Attribute equalities every match implies (`http.status_code = 500`), as Jaeger's `tags`
    /// and Zipkin's `annotationQuery` take them: key and value as text.
    public var tags: [RemoteTag] = []
    /// The query as the user wrote it (Tempo takes braced TraceQL as written).
    public var queryText: String?
    /// True when `queryText` is TraceQL Tempo can run as written (braced, not a metrics query).
    public var isBracedTraceQL = false
    /// A primer query in Tempo's TraceQL, when it translates (`TempoTraceQL`).
    public var translatedTraceQL: String?
    /// Traces this search brought already (a backend listing ids first fetches none of them).
    var seen: Set<TraceID> = []

    /// The last `options.lookback` up to `now`, `options.limit` traces, and what the backends can
    /// search of `query`: the conditions every match implies on the service, the span name and
    /// the span duration of one spanset (`Query.indexableConstraints`).
    public init(query: Query?, options: RemoteOptions, now: Timestamp, window: ClosedRange<Timestamp>? = nil) {
        let from = TimeMath.subtract(now.unixNanos, options.lookback.value)
        self.window = window ?? (Timestamp(unixNanos: max(0, from))...now)
        limit = options.limit
        guard let query else { return }
        queryText = query.text
        isBracedTraceQL = query.text.drop(while: \.isWhitespace).hasPrefix("{") && !query.isMetrics
        if !isBracedTraceQL { translatedTraceQL = TempoTraceQL.translate(query) }
        // Only the first spanset's constraints: Jaeger and Zipkin search one kind of span.
        let constraints = query.indexableConstraints.filter { $0.spanset == 0 }
        for c in constraints {
            switch (c.field, c.op, c.values.count == 1 ? c.values.first : nil) {
            case (.service, .equal, .string(let s)?): service = s
            case (.name, .equal, .string(let s)?): operation = s
            case (.duration, .greater, .duration(let d)?), (.duration, .greaterOrEqual, .duration(let d)?):
                minDuration = max(minDuration ?? d, d)
            case (.duration, .less, .duration(let d)?), (.duration, .lessOrEqual, .duration(let d)?):
                maxDuration = min(maxDuration ?? d, d)
            default: break
            }
        }
        tags = Self.tags(of: query)
    }

    /// The `attribute = literal` conditions of a single spanset's top-level AND (nothing from
    /// under OR or NOT, nothing from a query of several spansets): each holds on every span a
    /// match reports, so a backend may search for it.
    static func tags(of query: Query) -> [RemoteTag] {
        var root = query.root
        while case .pipeline(let inner, _) = root.kind { root = inner }
        guard case .filter(let predicate) = root.kind else { return [] }
        let conjuncts: [SpanPredicate]
        switch predicate.kind {
        case .and(let list): conjuncts = list
        default: conjuncts = [predicate]
        }
        var out: [RemoteTag] = []
        for c in conjuncts {
            guard case .comparison(let comparison) = c.kind, comparison.op == .equal,
                  case .attribute(let scope, let key) = comparison.field.field,
                  [.any, .span, .resource].contains(scope) else { continue }
            let prefix = scope == .span ? "span." : scope == .resource ? "resource." : "."
            switch comparison.value.value {
            case .string(let s): out.append(RemoteTag(key: key, value: s, traceQLField: prefix + key, isText: true))
            case .integer(let i): out.append(RemoteTag(key: key, value: String(i), traceQLField: prefix + key, isText: false))
            case .boolean(let b): out.append(RemoteTag(key: key, value: String(b), traceQLField: prefix + key, isText: false))
            default: continue
            }
        }
        return out
    }

    /// What was sent, in words: "service and duration", "service, operation and 2 tags", for "Jaeger searched service and
    /// duration; trex filtered the rest".
    public var searchedText: String {
        var parts: [String] = []
        if service != nil { parts.append("service") }
        if operation != nil { parts.append("operation") }
        if minDuration != nil || maxDuration != nil { parts.append("duration") }
        if !tags.isEmpty { parts.append(tags.count == 1 ? "a tag" : "\(tags.count) tags") }
        guard let last = parts.popLast() else { return "the time window" }
        return parts.isEmpty ? last : parts.joined(separator: ", ") + " and " + last
    }
}

/// An attribute equality a backend can search: `http.status_code = 500`.
public struct RemoteTag: Sendable, Hashable {
    public var key: String
    /// The value as text (Jaeger and Zipkin match tags as text).
    public var value: String
    /// The field in TraceQL: `.key`, `span.key` or `resource.key`.
    public var traceQLField: String
    /// A string literal (quoted in TraceQL), else a number or a boolean.
    public var isText: Bool
}
