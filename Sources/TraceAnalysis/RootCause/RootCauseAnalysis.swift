import TraceModel

/// Where an error cascade started: error spans none of whose descendants failed.
///
/// An error span with no error below it is an *origin*; an error span with an error below it
/// merely *propagated* (bubbled up) the failure. Status ERROR is what counts (the decoders map
/// Jaeger's `error=true` and Zipkin's `error` tag to it). O(n) over the reversed pre-order,
/// no recursion; chains are built on demand in O(depth).
public struct RootCauseAnalysis: Sendable {
    /// What an error span is in the cascade.
    public enum Role: Sendable, Hashable {
        /// Failed with no failure below it: where the error started.
        case origin
        /// Failed because something below it failed: the error bubbled up.
        case propagated
    }

    /// Origins, in pre-order (the waterfall's order).
    public let origins: [Int]
    /// Error spans that only propagated an error from below, in pre-order.
    public let propagated: [Int]
    private let parent: [Int32]
    private let roles: [Role?]

    /// Finds origins and propagated errors. O(n).
    public init(_ trace: Trace, tree: TraceTree? = nil) {
        let tree = tree ?? TraceTree(trace)
        let n = tree.count
        var errorBelow = [Bool](repeating: false, count: n)
        var isError = [Bool](repeating: false, count: n)
        trace.table.spans.withUnsafeBufferPointer { all in
            let base = trace.spanRange.lowerBound
            for i in 0..<n { isError[i] = all[base + i].status == .error }
        }
        for node in tree.preorder.reversed() {
            let i = Int(node)
            let p = Int(tree.parent[i])
            if p >= 0, isError[i] || errorBelow[i] { errorBelow[p] = true }
        }
        var origins: [Int] = []
        var propagated: [Int] = []
        var roles = [Role?](repeating: nil, count: n)
        for node in tree.preorder where isError[Int(node)] {
            if errorBelow[Int(node)] {
                propagated.append(Int(node))
                roles[Int(node)] = .propagated
            } else {
                origins.append(Int(node))
                roles[Int(node)] = .origin
            }
        }
        self.roles = roles
        self.origins = origins
        self.propagated = propagated
        parent = tree.parent
    }

    /// True when the trace has any error span.
    public var hasErrors: Bool { !origins.isEmpty }

    /// The chain from the root of the origin's fragment down to the origin, inclusive.
    /// O(depth).
    public func chain(to origin: Int) -> [Int] {
        var chain: [Int] = [origin]
        var i = Int(parent[origin])
        while i >= 0 {
            chain.append(i)
            i = Int(parent[i])
        }
        return chain.reversed()
    }

    /// The role of a span in the cascade; nil for spans without error.
    public func role(of span: Int) -> Role? { roles[span] }
}
