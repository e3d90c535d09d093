import TraceModel

/// Separates the client and server halves of an RPC that were recorded under one span id
/// (Zipkin `shared: true`; the same seen in Jaeger data converted from Zipkin).
///
/// The client half keeps the id. The server half gets `DerivedID.serverHalf(of:)`, the shared
/// id as its parent, and the `.sharedServerHalf` marker. Spans whose parent is the shared id
/// and whose service is the server's are re-parented under the server half (they ran inside
/// the server); the client's own children stay where they are.
enum SharedSpanSplitter {
    struct Outcome {
        /// Client/server pairs split.
        var pairs = 0
        /// Spans sharing an id with another span without being a client/server pair.
        var unpaired = 0
    }

    private struct Key: Hashable {
        var trace: TraceID
        var span: SpanID
    }

    /// Splits the pairs in `spans` in place. O(n) expected.
    ///
    /// - Parameters:
    ///   - serverHalf: for each span, whether it is a server half (Zipkin: `shared` or kind
    ///     SERVER; Jaeger: kind SERVER).
    ///   - service: the service of a span, to tell which children ran in the server.
    static func split(_ spans: inout [Span], serverHalf: [Bool], service: (Span) -> StringID) -> Outcome {
        var outcome = Outcome()
        var first: [Key: Int] = [:]
        var groups: [Key: [Int]] = [:]
        for (i, s) in spans.enumerated() {
            let key = Key(trace: s.traceID, span: s.spanID)
            if let j = first[key] { groups[key, default: [j]].append(i) } else { first[key] = i }
        }
        guard !groups.isEmpty else { return outcome }

        var servers: [Key: (id: SpanID, service: StringID)] = [:]
        for (key, members) in groups.sorted(by: { $0.value[0] < $1.value[0] }) {
            guard let server = members.first(where: { serverHalf[$0] }),
                  members.contains(where: { $0 != server && !serverHalf[$0] && spans[$0].kind != .server }) else {
                outcome.unpaired += members.count
                continue
            }
            let derived = DerivedID.serverHalf(of: key.span)
            spans[server].spanID = derived
            spans[server].parentSpanID = key.span
            spans[server].markers.insert(.sharedServerHalf)
            servers[key] = (derived, service(spans[server]))
            outcome.pairs += 1
            outcome.unpaired += members.count - 2
        }
        for i in spans.indices where !spans[i].markers.contains(.sharedServerHalf) {
            let key = Key(trace: spans[i].traceID, span: spans[i].parentSpanID)
            if let server = servers[key], service(spans[i]) == server.service { spans[i].parentSpanID = server.id }
        }
        return outcome
    }
}
