import TraceModel

/// The fields of one stored span that its trace's summary and facets are computed from,
/// with strings as store string ids.
struct SpanFacts: Equatable {
    var spanID: UInt64
    var parentID: UInt64
    var start: Int64
    var end: Int64
    var kind: UInt8
    var status: UInt8
    /// The store string id of the span resource's `service.name`.
    var service: Int64
    var name: Int64

    var isError: Bool { status == StatusCode.error.rawValue }
    var duration: Int64 { end &- start }
}
