import TraceModel

/// A Jaeger span as read, before its trace is complete: its process is still a name (the
/// `processes` map may come after the spans) and its trace id may come from the trace object.
struct JaegerSpan {
    var span: Span
    /// Offset of the span object, for warnings.
    var offset: Int
    var sawTraceID = false
    var sawSpanID = false
    var start: Int64?
    var duration: Int64?
    /// Why the times cannot be used, when they cannot.
    var badTime: String?
    var processID: String?
    /// The resource of an inline `process` object (the UI's shape).
    var inlineResource: UInt32?
    var mapped = MappedTags()

    init(offset: Int) {
        self.offset = offset
        span = Span(traceID: .zero, spanID: .zero, name: .empty, start: .zero, end: .zero)
    }
}
