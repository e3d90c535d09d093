/// One span in a compact, fixed-size record (112 bytes).
///
/// Strings are `StringID`s into the owning `SpanTable`'s string table; attributes, events and
/// links are ranges into its flat arrays. Read them through `SpanTable`.
public struct Span: Sendable, Hashable {
    public var traceID: TraceID
    public var spanID: SpanID
    /// The parent's span id; `.zero` for a root span.
    public var parentSpanID: SpanID
    public var start: Timestamp
    public var end: Timestamp
    public var name: StringID
    /// Index into `SpanTable.resources`.
    public var resource: UInt32
    /// Index into `SpanTable.scopes`.
    public var scope: UInt32
    public var statusMessage: StringID
    /// The W3C `tracestate` header value, when the format carries it.
    public var traceState: StringID
    public var attributes: ElementRange
    public var events: ElementRange
    public var links: ElementRange
    public var droppedAttributesCount: UInt32
    public var droppedEventsCount: UInt32
    public var droppedLinksCount: UInt32
    /// OTLP `Span.flags`: W3C trace flags in bits 0-7 (bit 0 = sampled), bits 8-9 the
    /// parent-is-remote flags. Meaningful only with `markers.contains(.hasFlags)`.
    public var flags: UInt32
    public var kind: SpanKind
    public var status: StatusCode
    public var markers: SpanMarkers

    public init(traceID: TraceID, spanID: SpanID, parentSpanID: SpanID = .zero, name: StringID,
                kind: SpanKind = .unspecified, start: Timestamp, end: Timestamp,
                resource: UInt32 = 0, scope: UInt32 = 0, status: StatusCode = .unset,
                statusMessage: StringID = .empty, traceState: StringID = .empty,
                attributes: ElementRange = .empty, events: ElementRange = .empty, links: ElementRange = .empty,
                droppedAttributesCount: UInt32 = 0, droppedEventsCount: UInt32 = 0, droppedLinksCount: UInt32 = 0,
                flags: UInt32 = 0, markers: SpanMarkers = []) {
        self.traceID = traceID
        self.spanID = spanID
        self.parentSpanID = parentSpanID
        self.start = start
        self.end = end
        self.name = name
        self.resource = resource
        self.scope = scope
        self.statusMessage = statusMessage
        self.traceState = traceState
        self.attributes = attributes
        self.events = events
        self.links = links
        self.droppedAttributesCount = droppedAttributesCount
        self.droppedEventsCount = droppedEventsCount
        self.droppedLinksCount = droppedLinksCount
        self.flags = flags
        self.kind = kind
        self.status = status
        self.markers = markers
    }

    public var duration: Nanoseconds { end - start }
    public var isRoot: Bool { !parentSpanID.isValid }
    public var isError: Bool { status == .error }

    /// The W3C sampled flag, when the format carried trace flags.
    public var sampled: Bool? { markers.contains(.hasFlags) ? (flags & 1) == 1 : nil }
}

/// Facts about a span that its format told us and the model's fields cannot.
public struct SpanMarkers: OptionSet, Sendable, Hashable {
    public var rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// The parent relation is Jaeger's FOLLOWS_FROM (a causal, non-blocking link), not CHILD_OF.
    public static let followsFrom = SpanMarkers(rawValue: 1 << 0)
    /// The format carried W3C trace flags for this span (`flags` is meaningful).
    public static let hasFlags = SpanMarkers(rawValue: 1 << 1)
    /// This is the server half of a client/server pair that shared one span id (Zipkin
    /// `shared: true`, or Jaeger's duplicated ids): it was given a derived id and the client
    /// half, which kept the original id, as its parent.
    public static let sharedServerHalf = SpanMarkers(rawValue: 1 << 2)
    /// The span's own id in the file was not hex and was mapped to a stable hash.
    public static let hashedID = SpanMarkers(rawValue: 1 << 3)
    /// The format writes every attribute value as a string (Zipkin v2's tags), so a value's
    /// type says nothing about what the instrumentation recorded.
    public static let stringValuedTags = SpanMarkers(rawValue: 1 << 4)
}
