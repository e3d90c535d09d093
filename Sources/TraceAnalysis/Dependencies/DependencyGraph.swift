import Foundation
import TraceModel

/// The service dependency graph of the loaded traces: caller service -> callee service, with
/// call count, error count and p95 latency.
///
/// From every parent/child pair in each trace: CLIENT -> SERVER is an `rpc` edge (also within
/// one service), PRODUCER -> CONSUMER a `messaging` edge, any other pair whose services differ
/// an `other` edge; pairs in one service with other kinds are internal work, not edges. A
/// childless CLIENT or PRODUCER span that names its peer adds an `uninstrumented` edge to that
/// peer. O(N) plus O(E log E) for the latency percentiles.
public struct DependencyGraph: Sendable {
    /// Edges, most calls first, then by caller and callee.
    public let edges: [DependencyEdge]

    /// The graph of every trace in a table. O(N log N).
    public init(_ table: SpanTable) {
        var accumulator = Accumulator()
        accumulator.add(table)
        self = accumulator.finish()
    }

    init(edges: [DependencyEdge]) { self.edges = edges }

    /// The graph built batch by batch (tables of whole traces), keeping one latency per call,
    /// never the spans. Edges are keyed by service names, so batches need not share strings.
    public struct Accumulator: Sendable {
        struct Key: Hashable, Sendable {
            var caller: String
            var callee: String
            var kind: DependencyEdge.Kind
        }

        var latencies: [Key: [Int64]] = [:]
        var errors: [Key: Int] = [:]

        public init() {}

        /// Adds every trace of a table (builds each one's `TraceTree`). O(spans).
        public mutating func add(_ table: SpanTable) {
            for trace in table.allTraces {
                let tree = TraceTree(trace)
                for i in 0..<trace.spanCount {
                    let span = trace[i]
                    let p = Int(tree.parent[i])
                    if p >= 0, let (kind, latency) = DependencyGraph.edge(child: span, parent: trace[p], in: table) {
                        let parent = trace[p]
                        let key = Key(caller: table.serviceName(of: parent), callee: table.serviceName(of: span), kind: kind)
                        latencies[key, default: []].append(latency)
                        if parent.isError || span.isError { errors[key, default: 0] += 1 }
                    }
                    if (span.kind == .client || span.kind == .producer), tree.childCount(of: i) == 0,
                       let peer = DependencyGraph.namedPeer(of: span, in: table) {
                        let key = Key(caller: table.serviceName(of: span), callee: peer, kind: .uninstrumented)
                        latencies[key, default: []].append(span.duration.value)
                        if span.isError { errors[key, default: 0] += 1 }
                    }
                }
            }
        }

        /// The graph of everything added. O(E log E) for the percentiles.
        public func finish() -> DependencyGraph {
            DependencyGraph(edges: latencies.map { key, values in
                DependencyEdge(caller: key.caller, callee: key.callee, kind: key.kind, calls: values.count,
                               errors: errors[key] ?? 0,
                               p95: Nanoseconds(Percentiles.nearestRank(95, ofSorted: values.sorted())))
            }.sorted { a, b in
                if a.calls != b.calls { return a.calls > b.calls }
                return (a.caller, a.callee, a.kind.rawValue) < (b.caller, b.callee, b.kind.rawValue)
            })
        }
    }

    /// The edge kind and latency a parent/child pair stands for, or nil for work inside one
    /// service.
    static func edge(child: Span, parent: Span, in table: SpanTable) -> (DependencyEdge.Kind, Int64)? {
        if parent.kind == .client, child.kind == .server { return (.rpc, parent.duration.value) }
        if parent.kind == .producer, child.kind == .consumer { return (.messaging, child.duration.value) }
        if table.serviceID(of: parent) != table.serviceID(of: child) { return (.other, child.duration.value) }
        return nil
    }

    /// The attributes that name an uninstrumented callee, first found first.
    static let namingKeys = ["peer.service", "db.system.name", "db.system", "messaging.destination.name", "messaging.system"]

    /// The attributes an uninstrumented callee's name may come from, as a query condition on
    /// a span for the callee `name`: the naming keys equal to it, or a host key (or a URL's
    /// host) that is it, in any case, with or without a port (as `PeerNames` reads them).
    public static func peerCondition(_ name: String) -> String {
        let literal = queryLiteral(name)
        let host = NSRegularExpression.escapedPattern(for: name)
        let hostPattern = queryLiteral("(?i)\(host)(:[0-9]+)?")
        let urlPattern = queryLiteral("(?i)[a-z][a-z0-9+.-]*://\(host)(:[0-9]+)?(/.*)?")
        return (namingKeys.map { "span.\($0) = \(literal)" }
            + PeerNames.hostKeys.map { "span.\($0) =~ \(hostPattern)" }
            + PeerNames.urlKeys.map { "span.\($0) =~ \(urlPattern)" }).joined(separator: " || ")
    }

    /// A query string literal.
    public static func queryLiteral(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The peer a childless client or producer span names: `peer.service`, then `db.system`
    /// (`db.system.name`), `messaging.destination.name`, `messaging.system`, then the host it
    /// called.
    static func namedPeer(of span: Span, in table: SpanTable) -> String? {
        for key in namingKeys {
            if case .string(let s)? = table.attribute(key, of: span), !s.isEmpty { return s }
        }
        return PeerNames.called(by: span, in: table).first
    }
}
