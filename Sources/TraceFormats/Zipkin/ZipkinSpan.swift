import TraceModel

/// A Zipkin v2 span as read, before fragments are merged and shared halves split.
struct ZipkinSpan {
    var traceID = TraceID.zero
    var spanID = SpanID.zero
    var parentID = SpanID.zero
    var sawTraceID = false
    var sawSpanID = false
    var hashed = false
    var name = StringID.empty
    var kind: SpanKind?
    /// Microseconds since the epoch.
    var timestamp: Int64?
    /// Microseconds.
    var duration: Int64?
    var badTime: String?
    var service = StringID.empty
    var resource: UInt32 = 0
    /// Tags (minus the mapped ones) followed by the remote endpoint's attributes.
    var attributes = ElementRange.empty
    var events = ElementRange.empty
    var mapped = MappedTags()
    var shared = false
    var debug = false
    /// Offset of the span object, for warnings.
    var offset: Int

    init(offset: Int) { self.offset = offset }
}
