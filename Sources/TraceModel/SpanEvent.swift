/// A timestamped event on a span (OTLP `Span.Event`; Jaeger logs; Zipkin annotations).
public struct SpanEvent: Sendable, Hashable {
    public var time: Timestamp
    public var name: StringID
    public var attributes: ElementRange
    public var droppedAttributesCount: UInt32

    public init(time: Timestamp, name: StringID, attributes: ElementRange = .empty, droppedAttributesCount: UInt32 = 0) {
        self.time = time
        self.name = name
        self.attributes = attributes
        self.droppedAttributesCount = droppedAttributesCount
    }
}

/// A link from a span to another span, possibly in another trace (OTLP `Span.Link`).
public struct SpanLink: Sendable, Hashable {
    public var traceID: TraceID
    public var spanID: SpanID
    public var traceState: StringID
    public var attributes: ElementRange
    public var droppedAttributesCount: UInt32
    /// The W3C trace flags of the linked context (OTLP `Link.flags`).
    public var flags: UInt32

    public init(traceID: TraceID, spanID: SpanID, traceState: StringID = .empty, attributes: ElementRange = .empty,
                droppedAttributesCount: UInt32 = 0, flags: UInt32 = 0) {
        self.traceID = traceID
        self.spanID = spanID
        self.traceState = traceState
        self.attributes = attributes
        self.droppedAttributesCount = droppedAttributesCount
        self.flags = flags
    }
}
