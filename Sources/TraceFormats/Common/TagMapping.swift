import TraceModel

/// Span tags that Jaeger and Zipkin use for what the model has fields for.
///
/// These tags are consumed into the fields and not kept as attributes, so the model says each
/// thing once: `span.kind` -> kind; `error` -> status ERROR (Jaeger: when true; Zipkin: always,
/// its value becoming the message); `otel.status_code` / `otel.status_description` -> status
/// and message (they win over `error`); `otel.scope.name` / `otel.library.name` and their
/// `.version` -> the instrumentation scope; `w3c.tracestate` -> trace state.
struct TagMapping {
    enum Field { case kind, error, statusCode, statusDescription, scopeName, scopeVersion, traceState }

    private let keys: [(id: StringID, field: Field)]

    init(builder: inout SpanTableBuilder) {
        let names: [(String, Field)] = [
            ("span.kind", .kind), ("error", .error), ("otel.status_code", .statusCode),
            ("otel.status_description", .statusDescription), ("otel.scope.name", .scopeName),
            ("otel.library.name", .scopeName), ("otel.scope.version", .scopeVersion),
            ("otel.library.version", .scopeVersion), ("w3c.tracestate", .traceState),
        ]
        keys = names.map { (builder.intern($0.0), $0.1) }
    }

    /// The field a tag key maps to, or nil for an ordinary attribute. O(9).
    @inline(__always)
    func field(for key: StringID) -> Field? {
        for k in keys where k.id == key { return k.field }
        return nil
    }
}
