import TraceModel

/// Decodes OTLP JSON `ExportTraceServiceRequest`s (`{"resourceSpans": [...]}`, also inside
/// Jaeger api_v3's `{"result": ...}` and Tempo's `{"trace": ...}`, and Tempo v1's
/// `{"batches": [...]}`) straight into a builder, streaming over the scanner.
///
/// Member names are accepted in lowerCamelCase and snake_case, in any order, and the pre-1.0
/// names `instrumentationLibrarySpans`/`instrumentationLibrary`. Because `schemaUrl` comes
/// after the spans in protobuf field order, a resource and a scope are only complete at the
/// end of their object: spans wait in `pending` until then (one `ResourceSpans` at a time),
/// and are flushed with what is known when a syntax error cuts the object short.
struct OTLPDecoder {
    enum RequestField: String, CaseIterable { case resourceSpans, batches, result, trace }
    enum ResourceSpansField: String, CaseIterable { case resource, scopeSpans, instrumentationLibrarySpans, schemaUrl }
    enum ResourceField: String, CaseIterable { case attributes, droppedAttributesCount }
    enum ScopeSpansField: String, CaseIterable { case scope, instrumentationLibrary, spans, schemaUrl }
    enum ScopeField: String, CaseIterable { case name, version, attributes, droppedAttributesCount }

    private let requestKeys = KeyTable<RequestField>()
    private let resourceSpansKeys = KeyTable<ResourceSpansField>()
    private let resourceKeys = KeyTable<ResourceField>()
    private let scopeSpansKeys = KeyTable<ScopeSpansField>()
    private let scopeKeys = KeyTable<ScopeField>()

    var spans: OTLPSpanDecoder
    /// Spans of the current `ResourceSpans`, waiting for its resource to be complete.
    private var pending: [Span] = []
    /// Requests (top-level values) decoded.
    private(set) var requests = 0

    init(builder: inout SpanTableBuilder) {
        spans = OTLPSpanDecoder(builder: &builder)
    }

    // MARK: - Request

    /// Decodes one request object (or its api_v3 `{"result": ...}` wrapper).
    mutating func decodeRequest(_ s: inout DecodeSession, _ b: inout SpanTableBuilder, depth: Int = 0) throws(JSONError) {
        if depth == 0 { requests += 1 }
        guard try s.scanner.beginObject() else { return }
        var first = true
        while let key = try s.scanner.nextKey(&first) {
            switch requestKeys.lookup(try s.scanner.bytes(of: key)) {
            case .resourceSpans?, .batches?:
                guard try s.scanner.beginArray() else { continue }
                var f = true
                while try s.scanner.nextElement(&f) { try decodeResourceSpans(&s, &b) }
            case .result? where depth < 2, .trace? where depth < 2:
                try decodeRequest(&s, &b, depth: depth + 1)
            default:
                try s.scanner.skipValue()
            }
        }
    }

    // MARK: - Resource

    private struct ResourceParts {
        var attributes = ElementRange.empty
        var dropped: UInt32 = 0
        var schemaURL = StringID.empty
    }

    /// Decodes one `ResourceSpans`; its spans reach the builder at its end.
    private mutating func decodeResourceSpans(_ s: inout DecodeSession, _ b: inout SpanTableBuilder) throws(JSONError) {
        guard try s.scanner.beginObject() else { return }
        var resource = ResourceParts()
        do {
            var first = true
            while let key = try s.scanner.nextKey(&first) {
                switch resourceSpansKeys.lookup(try s.scanner.bytes(of: key)) {
                case .resource?:
                    try decodeResource(&s, &b, into: &resource)
                case .scopeSpans?, .instrumentationLibrarySpans?:
                    guard try s.scanner.beginArray() else { continue }
                    var f = true
                    while try s.scanner.nextElement(&f) { try decodeScopeSpans(&s, &b) }
                case .schemaUrl?:
                    if let url = try s.scanner.readString() { resource.schemaURL = try s.intern(url, &b) }
                case nil:
                    try s.scanner.skipValue()
                }
            }
        } catch {
            flush(resource, &s, &b)
            throw error
        }
        flush(resource, &s, &b)
    }

    private mutating func decodeResource(_ s: inout DecodeSession, _ b: inout SpanTableBuilder,
                                         into resource: inout ResourceParts) throws(JSONError) {
        guard try s.scanner.beginObject() else { return }
        var first = true
        while let key = try s.scanner.nextKey(&first) {
            switch resourceKeys.lookup(try s.scanner.bytes(of: key)) {
            case .attributes?:
                resource.attributes = try spans.attributes.decodeList(&s, &b)
            case .droppedAttributesCount?:
                resource.dropped = Self.count(try s.scanner.readInt64())
            case nil:
                try s.scanner.skipValue()
            }
        }
    }

    /// Registers the resource and moves the pending spans into the builder. O(pending).
    private mutating func flush(_ resource: ResourceParts, _ s: inout DecodeSession, _ b: inout SpanTableBuilder) {
        guard !pending.isEmpty else { return }
        let index = b.addResource(attributes: resource.attributes, droppedAttributesCount: resource.dropped,
                                  schemaURL: resource.schemaURL)
        for var span in pending {
            span.resource = index
            b.append(span)
        }
        s.spansDecoded += pending.count
        if pending.capacity > 1 << 16 { pending = [] } else { pending.removeAll(keepingCapacity: true) }
    }

    // MARK: - Scope

    /// Decodes one `ScopeSpans`, leaving its spans in `pending` with the scope resolved.
    private mutating func decodeScopeSpans(_ s: inout DecodeSession, _ b: inout SpanTableBuilder) throws(JSONError) {
        guard try s.scanner.beginObject() else { return }
        let firstPending = pending.count
        var scope = InstrumentationScope()
        do {
            var first = true
            while let key = try s.scanner.nextKey(&first) {
                switch scopeSpansKeys.lookup(try s.scanner.bytes(of: key)) {
                case .scope?, .instrumentationLibrary?:
                    try decodeScope(&s, &b, into: &scope)
                case .spans?:
                    guard try s.scanner.beginArray() else { continue }
                    var f = true
                    while try s.scanner.nextElement(&f) {
                        if let span = try spans.decodeSpan(&s, &b) { pending.append(span) }
                        s.tick()
                    }
                case .schemaUrl?:
                    if let url = try s.scanner.readString() { scope.schemaURL = try s.intern(url, &b) }
                case nil:
                    try s.scanner.skipValue()
                }
            }
        } catch {
            resolveScope(scope, from: firstPending, &b)
            throw error
        }
        resolveScope(scope, from: firstPending, &b)
    }

    private mutating func decodeScope(_ s: inout DecodeSession, _ b: inout SpanTableBuilder,
                                      into scope: inout InstrumentationScope) throws(JSONError) {
        guard try s.scanner.beginObject() else { return }
        var first = true
        while let key = try s.scanner.nextKey(&first) {
            switch scopeKeys.lookup(try s.scanner.bytes(of: key)) {
            case .name?:
                if let v = try s.scanner.readString() { scope.name = try s.intern(v, &b) }
            case .version?:
                if let v = try s.scanner.readString() { scope.version = try s.intern(v, &b) }
            case .attributes?:
                scope.attributes = try spans.attributes.decodeList(&s, &b)
            case .droppedAttributesCount?:
                scope.droppedAttributesCount = Self.count(try s.scanner.readInt64())
            case nil:
                try s.scanner.skipValue()
            }
        }
    }

    private mutating func resolveScope(_ scope: InstrumentationScope, from start: Int, _ b: inout SpanTableBuilder) {
        guard start < pending.count else { return }
        let index = b.addScope(scope)
        for i in start..<pending.count { pending[i].scope = index }
    }

    /// A count field (uint32 on the wire), clamped.
    static func count(_ value: Int64?) -> UInt32 {
        guard let value else { return 0 }
        return UInt32(clamping: value)
    }
}
