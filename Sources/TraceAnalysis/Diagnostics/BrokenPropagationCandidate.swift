import TraceModel

/// A root SERVER span in one trace that probably answered a CLIENT call recorded in another
/// trace: the context was not propagated, so one request became two traces. Offered as
/// "probably the same request", never asserted.
public struct BrokenPropagationCandidate: Sendable, Hashable {
    /// Index in `table.traces` and local index of the server root.
    public var serverTrace: Int
    public var serverSpan: Int
    /// Index in `table.traces` and local index of the client span (which has no child).
    public var clientTrace: Int
    public var clientSpan: Int
    /// The peer name both sides share.
    public var peer: String
    /// True when the server span lies entirely within the client span, as a call's answer
    /// should; false when they only overlap (clock skew, or a coincidence).
    public var contained: Bool
}
