import TraceModel

/// How a child span relates to its parent in time: does the parent wait for it?
public enum SpanRelation: Sendable, Hashable {
    /// The parent waits for the child (an ordinary call: CHILD_OF, CLIENT -> SERVER, ...).
    case synchronous
    /// The parent does not wait: FOLLOWS_FROM, a CONSUMER child, or a child of a PRODUCER.
    case asynchronous

    /// Classifies a child/parent pair from the kinds and the FOLLOWS_FROM marker.
    public init(child: Span, parent: Span) {
        if child.markers.contains(.followsFrom) || child.kind == .consumer || parent.kind == .producer {
            self = .asynchronous
        } else {
            self = .synchronous
        }
    }

    /// True for the one relation the critical path drops (as Jaeger UI does): a CONSUMER child
    /// of a PRODUCER span, fire-and-forget messaging. FOLLOWS_FROM children still block.
    public static func isNonBlocking(child: Span, parent: Span) -> Bool {
        parent.kind == .producer && child.kind == .consumer
    }
}
