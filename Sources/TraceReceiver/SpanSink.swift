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

/// Takes a request's decoded spans, and the count of its spans rejected as invalid (OTLP's
/// partial success), and says whether they are stored; called once per accepted request that
/// had spans, on a thread that may block until they are durable.
public typealias SpanSink = @Sendable (_ spans: SpanTable, _ rejected: Int) -> IngestResult

extension DecodeReport {
    /// OTLP's partial-success message for the spans a request had that were rejected: the
    /// reasons, joined ("" when none was).
    var rejectionMessage: String {
        warnings.filter { $0.skippedSpans > 0 }.map(\.message).joined(separator: "; ")
    }
}
