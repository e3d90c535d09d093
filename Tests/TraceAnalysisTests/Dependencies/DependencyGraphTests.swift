import Testing
import TraceModel
import TestSupport
@testable import TraceAnalysis

@Suite struct DependencyGraphTests {
    @Test func edgesComeFromClientServerAndProducerConsumerPairs() {
        let table = AnalysisDrawing.table("""
            root   web     [==================]   kind=server
             call  web      [========]            kind=client
              srv  orders    [======]             kind=server status=error
               q   orders     [==]                kind=client
               pub orders         [=]             kind=producer
                c  mailer            [======]     kind=consumer
             raw   api                [====]      kind=server
            """, attributes: ["q": ["db.system": .string("postgresql")]])
        let edges = DependencyGraph(table).edges
        func edge(_ caller: String, _ callee: String) -> DependencyEdge? {
            edges.first { $0.caller == caller && $0.callee == callee }
        }
        #expect(edge("web", "orders")?.kind == .rpc)
        #expect(edge("web", "orders")?.errors == 1)
        #expect(edge("web", "orders")?.p95 == .milliseconds(10))   // the client's duration
        #expect(edge("orders", "mailer")?.kind == .messaging)
        #expect(edge("orders", "mailer")?.p95 == .milliseconds(8))  // the consumer's duration
        #expect(edge("web", "api")?.kind == .other)
        #expect(edge("orders", "postgresql")?.kind == .uninstrumented)
        // Work inside one service is not an edge.
        #expect(edge("web", "web") == nil)
        #expect(edges.count == 4)
    }

    @Test func callsAreCountedAcrossTracesWithTheirP95() {
        var f = TraceFixture()
        for t in 1...20 {
            f.inTrace("t\(t)")
            f.span("c\(t)", service: "web", name: "call", start: 0, end: Int64(t), kind: .client)
            f.span("s\(t)", parent: "c\(t)", service: "api", name: "serve", start: 0, end: Int64(t), kind: .server)
        }
        let edges = DependencyGraph(f.build()).edges
        #expect(edges.count == 1)
        #expect(edges[0].calls == 20 && edges[0].p95 == .milliseconds(19))
    }
}
