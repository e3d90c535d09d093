import TraceModel

/// Calls from one service to another, aggregated.
public struct DependencyEdge: Sendable, Hashable {
    /// How the edge was recognised.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Encodable {
        /// A CLIENT span with a SERVER child.
        case rpc
        /// A PRODUCER span with a CONSUMER child.
        case messaging
        /// A parent and child in different services with other kinds (an uninstrumented
        /// client side, or kinds the format did not record).
        case other
        /// A CLIENT (or PRODUCER) span without children that names its peer (`peer.service`,
        /// `db.system`, `server.address`, ...): a callee that sends no spans.
        case uninstrumented
    }

    public var caller: String
    public var callee: String
    public var kind: Kind
    public var calls: Int
    /// Calls where either side has status ERROR.
    public var errors: Int
    /// p95 (nearest rank) of the call latency: the CLIENT span's duration for rpc and
    /// uninstrumented calls, the CONSUMER's (or child's) duration otherwise.
    public var p95: Nanoseconds
}
