import TraceModel

/// One of the traces an ambiguous id prefix names: its id and the id as people know it.
public struct TraceIDCandidate: Sendable, Hashable, Comparable {
    public let id: TraceID
    /// The written text of a non-hex id, else `TraceID.shownHex`.
    public let shown: String

    public init(id: TraceID, shown: String) {
        self.id = id
        self.shown = shown
    }

    public static func < (a: TraceIDCandidate, b: TraceIDCandidate) -> Bool { a.id < b.id }
}
