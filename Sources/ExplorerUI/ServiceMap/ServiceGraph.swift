import Foundation
import TraceAnalysis
import TraceModel

/// The services and the calls between them, as the service map draws them: one edge per
/// (caller, callee), the dependency graph's kinds of call merged (calls and errors summed, the
/// largest p95 kept). Services are numbered in name order, edges sorted by (caller, callee).
public struct ServiceGraph: Sendable, Equatable {
    public struct Edge: Sendable, Equatable {
        public var from: Int
        public var to: Int
        public var calls: Int
        public var errors: Int
        public var p95: Nanoseconds
        /// The callee sends spans (a child span in its service); false when every call was only
        /// named by the caller (an uninstrumented database, queue or host).
        public var instrumented = true

        public init(from: Int, to: Int, calls: Int, errors: Int, p95: Nanoseconds, instrumented: Bool = true) {
            self.from = from
            self.to = to
            self.calls = calls
            self.errors = errors
            self.p95 = p95
            self.instrumented = instrumented
        }
    }

    public let services: [String]
    public let edges: [Edge]

    public init(services: [String], edges: [Edge]) {
        self.services = services
        self.edges = edges
    }

    /// From `trex deps`' graph. A service calling itself is left out (the map draws calls
    /// between services). O(edges log edges).
    public init(_ graph: DependencyGraph) {
        let names = Set(graph.edges.flatMap { [$0.caller, $0.callee] }).sorted()
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        var merged: [[Int]: Edge] = [:]
        for e in graph.edges where e.caller != e.callee {
            let from = index[e.caller]!, to = index[e.callee]!
            var edge = merged[[from, to]] ?? Edge(from: from, to: to, calls: 0, errors: 0, p95: .zero, instrumented: false)
            if e.kind != .uninstrumented { edge.instrumented = true }
            edge.calls += e.calls
            edge.errors += e.errors
            edge.p95 = max(edge.p95, e.p95)
            merged[[from, to]] = edge
        }
        services = names
        edges = merged.values.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
    }

    /// The query that finds the traces through an edge: a span of the callee's service under
    /// one of the caller's, or (an uninstrumented callee) a caller's span that names it.
    func query(for edge: Edge) -> String {
        let caller = DependencyGraph.queryLiteral(services[edge.from])
        let callee = DependencyGraph.queryLiteral(services[edge.to])
        if edge.instrumented { return "{ resource.service.name = \(caller) } > { resource.service.name = \(callee) }" }
        return "{ resource.service.name = \(caller) && (\(DependencyGraph.peerCondition(services[edge.to]))) }"
    }

    /// `1,204 calls · 3 err · p95 95ms`, or shorter for the map's labels: `1.2k ✗3 95ms`.
    static func label(_ edge: Edge, ascii: Bool) -> String {
        var text = compact(edge.calls)
        if edge.errors > 0 { text += (ascii ? " x" : " ✗") + compact(edge.errors) }
        return text + " " + DurationFormat.string(edge.p95, ascii: ascii)
    }

    /// 950, 1.2k, 34k, 1.2M.
    static func compact(_ n: Int) -> String {
        switch n {
        case ..<1_000: return String(n)
        case ..<10_000: return String(format: "%.1fk", Double(n) / 1_000)
        case ..<1_000_000: return "\(n / 1_000)k"
        default: return String(format: "%.1fM", Double(n) / 1_000_000)
        }
    }
}
