import Testing
import TraceModel
import TestSupport
@testable import TraceAnalysis

@Suite struct BrokenPropagationTests {
    static let drawing = """
        checkout web    [==============]  trace=t1 kind=server
         pay     web      [==========]    trace=t1 kind=client
        charge   payment    [======]      trace=t2 kind=server parent=-
         db      payment     [===]        trace=t2 kind=client
        """
    let attributes: [String: [String: AttributeValue]] = [
        "pay": ["peer.service": .string("payment")],
        "db": ["db.system": .string("postgresql")],
    ]

    @Test func aRootServerInsideAChildlessClientCallOfThatPeerIsProbablyTheSameRequest() {
        let table = AnalysisDrawing.table(Self.drawing, attributes: attributes)
        let index = TraceSetIndex(table)
        #expect(index.candidates.count == 1)
        let c = index.candidates[0]
        let server = table.trace(at: c.serverTrace)
        let client = table.trace(at: c.clientTrace)
        #expect(server.nameOf(c.serverSpan) == "charge")
        #expect(client.nameOf(c.clientSpan) == "pay")
        #expect(c.peer == "payment" && c.contained)

        let onServer = diagnostics(.brokenPropagation, in: server, others: index)
        #expect(onServer.count == 1 && onServer[0].spans == [c.serverSpan])
        #expect(onServer[0].message.contains("probably the same request"))
        #expect(onServer[0].message.contains(client.id.hex))
        #expect(diagnostics(.brokenPropagation, in: client, others: index)[0].spans == [c.clientSpan])
    }

    @Test func peerNamesComeFromURLsAndAddressesToo() {
        let table = AnalysisDrawing.table("""
            pay     web      [==========]    trace=t1 kind=client
            charge  payment    [======]      trace=t2 kind=server
            """, attributes: ["pay": ["url.full": .string("https://Payment:8443/charge?x=1")]])
        #expect(TraceSetIndex(table).candidates.count == 1)
    }

    @Test func noCandidateWithoutOverlapOrWithAnotherPeerOrWhenTheCallHasAChild() {
        let apart = AnalysisDrawing.table("""
            pay     web   [===]                        trace=t1 kind=client
            charge  payment                     [===]  trace=t2 kind=server
            """, unitNanos: 100_000_000, attributes: attributes)   // 100 ms a column: far beyond skew
        #expect(TraceSetIndex(apart).candidates.isEmpty)
        let otherPeer = AnalysisDrawing.table("""
            pay     web      [==========]    trace=t1 kind=client
            charge  billing    [======]      trace=t2 kind=server
            """, attributes: attributes)
        #expect(TraceSetIndex(otherPeer).candidates.isEmpty)
        let answered = AnalysisDrawing.table("""
            pay     web      [==========]    trace=t1 kind=client
             srv    payment   [========]     trace=t1 kind=server
            charge  payment    [======]      trace=t2 kind=server
            """, attributes: attributes)
        #expect(TraceSetIndex(answered).candidates.isEmpty)
    }
}
