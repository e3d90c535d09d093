import TraceModel

/// Finds root SERVER spans that probably answered a childless CLIENT span of another trace.
///
/// Rules: the server span has no parent id and kind SERVER; the client span has kind CLIENT,
/// no child in its trace, and is in another trace; one of the names the client called
/// (`PeerNames.called`) is one the server answers to (`PeerNames.answering`); and their
/// intervals overlap, allowing `AnalysisThresholds.propagationSkewAllowance` at either end.
/// Per server root the best client wins: one containing the server span, then the closest
/// start. Clients are indexed by peer name and start, so each server root looks only at
/// clients of its names that could overlap it.
enum BrokenPropagationSearch {
    struct Client {
        var trace: Int32
        var span: Int32
        var start: Int64
        var end: Int64
    }

    static func run(_ table: SpanTable) -> [BrokenPropagationCandidate] {
        var clientsByPeer: [String: [Client]] = [:]
        var longest: Int64 = 0
        var servers: [(trace: Int, span: Int)] = []
        var peers = PeerNameCache(table: table)
        for (t, entry) in table.traces.enumerated() {
            var parents = Set<UInt64>()
            for s in entry.spanRange { parents.insert(table.spans[s].parentSpanID.rawValue) }
            for s in entry.spanRange {
                let span = table.spans[s]
                if span.kind == .client, !parents.contains(span.spanID.rawValue) {
                    for name in peers.called(by: span) {
                        clientsByPeer[name, default: []].append(Client(
                            trace: Int32(t), span: Int32(s - entry.spanRange.lowerBound),
                            start: span.start.unixNanos, end: span.end.unixNanos))
                    }
                    longest = max(longest, span.duration.value)
                } else if span.kind == .server, !span.parentSpanID.isValid {
                    servers.append((t, s - entry.spanRange.lowerBound))
                }
            }
        }
        guard !clientsByPeer.isEmpty else { return [] }
        for key in clientsByPeer.keys { clientsByPeer[key]!.sort { $0.start < $1.start } }

        let slack = AnalysisThresholds.propagationSkewAllowance
        var out: [BrokenPropagationCandidate] = []
        for server in servers {
            let span = table.trace(at: server.trace)[server.span]
            let ss = span.start.unixNanos, se = span.end.unixNanos
            var best: (client: Client, peer: String, contained: Bool, gap: Int64)?
            for name in PeerNames.answering(as: span, in: table) {
                guard let clients = clientsByPeer[name] else { continue }
                // Clients starting after the server ends (plus slack) cannot overlap; those
                // starting before ss - longest - slack end too early.
                var k = upperBound(clients, TimeMath.add(se, slack)) - 1
                while k >= 0, clients[k].start >= TimeMath.subtract(TimeMath.subtract(ss, longest), slack) {
                    let c = clients[k]
                    k -= 1
                    guard Int(c.trace) != server.trace, TimeMath.add(c.end, slack) > ss, TimeMath.subtract(c.start, slack) < se else { continue }
                    let contained = c.start <= ss && se <= c.end
                    let gap = TimeMath.absolute(TimeMath.subtract(ss, c.start))
                    if let b = best, b.contained && !contained || (b.contained == contained && b.gap <= gap) { continue }
                    best = (c, name, contained, gap)
                }
            }
            if let b = best {
                out.append(BrokenPropagationCandidate(
                    serverTrace: server.trace, serverSpan: server.span, clientTrace: Int(b.client.trace),
                    clientSpan: Int(b.client.span), peer: b.peer, contained: b.contained))
            }
        }
        return out.sorted { ($0.serverTrace, $0.clientTrace) < ($1.serverTrace, $1.clientTrace) }
    }

    /// The first position whose start is greater than `time`.
    private static func upperBound(_ clients: [Client], _ time: Int64) -> Int {
        var lo = 0, hi = clients.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if clients[mid].start <= time { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
