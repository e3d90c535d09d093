import TraceModel

/// One section of a critical path: a stretch of time during which `span` (a local index) was
/// the work everything else was waiting for.
public struct CriticalPathSection: Sendable, Hashable {
    public var span: Int
    public var start: Timestamp
    public var end: Timestamp

    public init(span: Int, start: Timestamp, end: Timestamp) {
        self.span = span
        self.start = start
        self.end = end
    }

    public var duration: Nanoseconds { end - start }
}
