import TraceFormats
import TraceModel

/// What the store (or any sink) says of a batch of received spans.
public enum IngestResult: Sendable, Equatable {
    /// Stored durably.
    case stored
    /// Not taken: too much is waiting; retry after this many seconds.
    case busy(retryAfter: Int)
    case failed(String)
}

/// Takes a decoded batch and says whether it is stored; called once per accepted request, on a
/// thread that may block until the batch is durable.
public typealias SpanSink = @Sendable (SpanTable) -> IngestResult

extension DecodeReport {
    /// OTLP's partial-success message for the spans a request had that were rejected: the
    /// reasons, joined ("" when none was).
    var rejectionMessage: String {
        warnings.filter { $0.skippedSpans > 0 }.map(\.message).joined(separator: "; ")
    }
}
