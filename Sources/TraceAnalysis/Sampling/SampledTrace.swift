import TraceModel

/// What a sampling policy decides on, per trace: when it started, how long it took, how many
/// spans it has, whether it failed, its root operation and the services and operations it
/// touches. Built from a trace's spans (`init(_:)`) or given directly (tests).
public struct SampledTrace: Sendable, Equatable {
    public var id: TraceID
    public var start: Timestamp
    public var duration: Nanoseconds
    public var spanCount: Int
    public var hasError: Bool
    /// `service operation` of the root span (the earliest span without a parent in the trace).
    public var rootOperation: String
    /// Spans per service.
    public var spansPerService: [String: Int]
    /// Every `service operation` in the trace.
    public var operations: Set<String>

    public init(id: TraceID, start: Timestamp, duration: Nanoseconds, spanCount: Int, hasError: Bool, rootOperation: String,
                spansPerService: [String: Int], operations: Set<String>) {
        self.id = id
        self.start = start
        self.duration = duration
        self.spanCount = spanCount
        self.hasError = hasError
        self.rootOperation = rootOperation
        self.spansPerService = spansPerService
        self.operations = operations
    }
}
