import TraceModel

/// Builds spans for tests by name: `fixture.span("db", parent: "api", ...)`.
///
/// Span names double as ids (a stable hash of the name), so tests refer to spans by the names
/// they gave them. Times are in milliseconds from an arbitrary origin unless `unit` says
/// otherwise. Several traces may share one fixture; `build()` returns the table.
public struct TraceFixture {
    public static let origin: Int64 = 1_700_000_000_000_000_000   // 2023-11-14, in ns

    public var builder = SpanTableBuilder()
    public var unit: Int64
    public var traceID: TraceID

    public init(trace: String = "trace-1", unitNanos: Int64 = 1_000_000) {
        unit = unitNanos
        traceID = StableHash.traceID(for: trace)
    }

    /// Switches the trace that following spans belong to.
    public mutating func inTrace(_ name: String) { traceID = StableHash.traceID(for: name) }

    public static func id(_ name: String) -> SpanID { StableHash.spanID(for: name) }

    /// Appends a span. `parent` names another span (it need not exist: that makes an orphan).
    @discardableResult
    public mutating func span(_ id: String, parent: String? = nil, service: String = "svc", name: String? = nil,
                              start: Int64, end: Int64, kind: SpanKind = .internal, status: StatusCode = .unset,
                              statusMessage: String = "", attributes: [String: AttributeValue] = [:],
                              resource: [String: AttributeValue] = [:], events: [(Int64, String)] = [],
                              links: [String] = [], markers: SpanMarkers = []) -> SpanID {
        span(id, parent: parent, service: service, name: name, at: time(start), until: time(end), kind: kind,
             status: status, statusMessage: statusMessage, attributes: attributes, resource: resource,
             events: events.map { (time($0.0), $0.1) }, links: links, markers: markers)
    }

    /// Appends a span at exact times (any Int64 nanoseconds, for tests of extreme times).
    @discardableResult
    public mutating func span(_ id: String, parent: String? = nil, service: String = "svc", name: String? = nil,
                              at start: Timestamp, until end: Timestamp, kind: SpanKind = .internal,
                              status: StatusCode = .unset, statusMessage: String = "",
                              attributes: [String: AttributeValue] = [:], resource: [String: AttributeValue] = [:],
                              events: [(Timestamp, String)] = [], links: [String] = [],
                              markers: SpanMarkers = []) -> SpanID {
        let spanID = Self.id(id)
        var resourcePairs = [KeyValue("service.name", .string(service))]
        resourcePairs += resource.sorted { $0.key < $1.key }.map { KeyValue($0.key, $0.value) }
        let resourceRange = builder.appendAttributes(resourcePairs)
        let resourceIndex = builder.addResource(attributes: resourceRange)
        let attrs = builder.appendAttributes(attributes.sorted { $0.key < $1.key }.map { KeyValue($0.key, $0.value) })
        let eventMark = builder.eventMark
        for (t, eventName) in events {
            builder.append(SpanEvent(time: t, name: builder.intern(eventName)))
        }
        let eventRange = builder.events(since: eventMark)
        let linkMark = builder.linkMark
        for l in links { builder.append(SpanLink(traceID: traceID, spanID: Self.id(l))) }
        let linkRange = builder.links(since: linkMark)
        builder.append(Span(
            traceID: traceID, spanID: spanID, parentSpanID: parent.map(Self.id) ?? .zero,
            name: builder.intern(name ?? id), kind: kind, start: start, end: end,
            resource: resourceIndex, status: status, statusMessage: builder.intern(statusMessage),
            attributes: attrs, events: eventRange, links: linkRange, markers: markers))
        return spanID
    }

    public func time(_ t: Int64) -> Timestamp { Timestamp(unixNanos: Self.origin + t * unit) }

    public func build() -> SpanTable {
        var copy = builder
        return copy.finish()
    }

    /// The first trace of the built table.
    public func buildTrace() -> Trace { build().trace(at: 0) }
}

extension Trace {
    /// The local index of the span a fixture named `name`.
    public func local(_ name: String) -> Int {
        guard let i = localIndex(of: TraceFixture.id(name)) else { fatalError("no span named \(name)") }
        return i
    }

    /// The fixture name of the span at a local index (its operation name).
    public func nameOf(_ local: Int) -> String { table.strings[self[local].name] }
}
