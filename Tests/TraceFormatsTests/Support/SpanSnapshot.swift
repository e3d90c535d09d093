import TraceModel

/// Everything about a span, resolved to plain values, so two tables built from different
/// inputs (or a round trip) can be compared field by field.
struct SpanSnapshot: Hashable, CustomStringConvertible {
    struct Event: Hashable {
        var time: Int64
        var name: String
        var attributes: [KeyValue]
        var dropped: UInt32
    }

    struct Link: Hashable {
        var traceID: TraceID
        var spanID: SpanID
        var traceState: String
        var attributes: [KeyValue]
        var dropped: UInt32
        var flags: UInt32
    }

    var traceID: TraceID
    var spanID: SpanID
    var parentSpanID: SpanID
    var name: String
    var kind: SpanKind
    var start: Int64
    var end: Int64
    var status: StatusCode
    var statusMessage: String
    var traceState: String
    var flags: UInt32
    var markers: UInt16
    var attributes: [KeyValue]
    var droppedAttributes: UInt32
    var events: [Event]
    var droppedEvents: UInt32
    var links: [Link]
    var droppedLinks: UInt32
    var resource: [KeyValue]
    var resourceDropped: UInt32
    var resourceSchemaURL: String
    var scopeName: String
    var scopeVersion: String
    var scopeAttributes: [KeyValue]
    var scopeDropped: UInt32
    var scopeSchemaURL: String

    init(_ s: Span, in t: SpanTable) {
        traceID = s.traceID
        spanID = s.spanID
        parentSpanID = s.parentSpanID
        name = t.strings[s.name]
        kind = s.kind
        start = s.start.unixNanos
        end = s.end.unixNanos
        status = s.status
        statusMessage = t.strings[s.statusMessage]
        traceState = t.strings[s.traceState]
        flags = s.flags
        markers = s.markers.rawValue
        attributes = t.keyValues(s.attributes)
        droppedAttributes = s.droppedAttributesCount
        events = t.events(of: s).map { Event(time: $0.time.unixNanos, name: t.strings[$0.name],
                                             attributes: t.keyValues($0.attributes), dropped: $0.droppedAttributesCount) }
        droppedEvents = s.droppedEventsCount
        links = t.links(of: s).map { Link(traceID: $0.traceID, spanID: $0.spanID, traceState: t.strings[$0.traceState],
                                          attributes: t.keyValues($0.attributes), dropped: $0.droppedAttributesCount,
                                          flags: $0.flags) }
        droppedLinks = s.droppedLinksCount
        let r = t.resources[Int(s.resource)]
        resource = t.keyValues(r.attributes)
        resourceDropped = r.droppedAttributesCount
        resourceSchemaURL = t.strings[r.schemaURL]
        let sc = t.scopes[Int(s.scope)]
        scopeName = t.strings[sc.name]
        scopeVersion = t.strings[sc.version]
        scopeAttributes = t.keyValues(sc.attributes)
        scopeDropped = sc.droppedAttributesCount
        scopeSchemaURL = t.strings[sc.schemaURL]
    }

    var description: String { "\(spanID) \(name) parent=\(parentSpanID) [\(start)-\(end)]" }
}

extension SpanTable {
    /// Every span as a snapshot, in table order.
    var snapshots: [SpanSnapshot] { spans.map { SpanSnapshot($0, in: self) } }
}
