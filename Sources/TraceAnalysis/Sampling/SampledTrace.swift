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

extension SampledTrace {
    /// What a policy sees of a trace: its summary's start, duration, span count and errors, its
    /// root's `service operation` and, per span, its service and operation. O(spans).
    public init(_ trace: Trace) {
        let table = trace.table
        let summary = TraceSummary(trace)
        var perService: [StringID: Int] = [:]
        var operations = Set<OperationKeyIDs>()
        for span in trace.spans {
            let service = table.serviceID(of: span)
            perService[service, default: 0] += 1
            operations.insert(OperationKeyIDs(service: service, name: span.name))
        }
        func text(_ service: StringID, _ name: StringID) -> String { "\(table.strings[service]) \(table.strings[name])" }
        self.init(id: trace.id, start: summary.start, duration: summary.duration, spanCount: trace.spanCount,
                  hasError: summary.errorCount > 0,
                  rootOperation: trace.spanCount > 0 ? text(summary.rootService, summary.rootName) : "",
                  spansPerService: Dictionary(uniqueKeysWithValues: perService.map { (table.strings[$0.key], $0.value) }),
                  operations: Set(operations.map { text($0.service, $0.name) }))
    }

    /// A span's service and name as string ids, to collect a trace's operations without
    /// building a string per span.
    private struct OperationKeyIDs: Hashable {
        var service: StringID
        var name: StringID
    }
}
