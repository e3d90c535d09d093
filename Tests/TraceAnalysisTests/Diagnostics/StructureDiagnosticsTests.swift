import Testing
import TraceModel
import TestSupport
@testable import TraceAnalysis

/// Orphans, roots, cycles and duplicate ids.
@Suite struct StructureDiagnosticsTests {
    @Test func anOrphanWithNoEvidenceSaysSoAndGetsItsOwnFragment() {
        var f = TraceFixture()
        f.span("root", service: "web", start: 0, end: 10)
        f.span("lost", parent: "gone", service: "api", start: 2, end: 4)
        let trace = f.buildTrace()
        let found = diagnostics(.orphan, in: trace)
        #expect(found.count == 1)
        #expect(found[0].spans == [trace.local("lost")])
        #expect(found[0].message.contains(TraceFixture.id("gone").hex))
        #expect(found[0].message.contains("nothing in the trace says which"))
    }

    @Test func orphansSharingAMissingParentPointToALostSpan() {
        var f = TraceFixture()
        f.span("a", parent: "gone", service: "api", start: 2, end: 4)
        f.span("b", parent: "gone", service: "api", start: 5, end: 6)
        let found = diagnostics(.orphan, in: f.buildTrace())
        #expect(found.count == 1 && found[0].spans.count == 2)
        #expect(found[0].message.contains("never arrived"))
    }

    @Test func anUnsampledOrphanBlamesTheSampler() {
        let trace = AnalysisDrawing.trace("""
            root  web  [========]
            lost  api     [==]     parent=gone sampled=0
            """)
        let found = diagnostics(.orphan, in: trace)
        #expect(found[0].message.contains("sampled flag off"))
        #expect(found[0].severity == .info)
    }

    @Test func theParentIsRemoteFlagSaysWhichProcessLostIt() {
        let remote = AnalysisDrawing.trace("srv  api  [==]  parent=gone remote=1 kind=server")
        #expect(diagnostics(.orphan, in: remote)[0].message.contains("calling process"))
        let local = AnalysisDrawing.trace("work  api  [==]  parent=gone remote=0")
        #expect(diagnostics(.orphan, in: local)[0].message.contains("same process"))
    }

    @Test func aParentInAnotherTraceIsBrokenPropagation() {
        let table = AnalysisDrawing.table("""
            call  web   [======]  trace=t1 kind=client
            srv   api    [====]   trace=t2 parent=call kind=server
            """)
        let index = TraceSetIndex(table)
        let t2 = table.allTraces.first { $0.spanCount == 1 && $0.nameOf(0) == "srv" }!
        let found = diagnostics(.orphan, in: t2, others: index)
        #expect(found[0].message.contains("trace id was not"))
        #expect(found[0].message.contains(table.allTraces.first { $0.nameOf(0) == "call" }!.id.hex))
    }

    @Test func severalRootsAreReportedTogether() {
        let trace = AnalysisDrawing.trace("""
            one  web  [====]
            two  web    [====]  parent=-
            """)
        let found = diagnostics(.multipleRoots, in: trace)
        #expect(found.count == 1)
        #expect(trace.names(found[0].spans) == ["one", "two"])
    }

    @Test func parentCyclesAreReported() {
        var f = TraceFixture()
        f.span("a", parent: "b", start: 0, end: 10)
        f.span("b", parent: "a", start: 1, end: 9)
        #expect(diagnostics(.parentCycle, in: f.buildTrace()).count == 1)
    }

    @Test func trueDuplicatesAreWarningsAndSharedHalvesAreInfo() {
        var f = TraceFixture()
        f.span("root", service: "web", start: 0, end: 20)
        f.span("x", parent: "root", service: "api", name: "one", start: 1, end: 5)
        f.span("x", parent: "root", service: "api", name: "two", start: 6, end: 9)
        f.span("rpc", parent: "root", service: "web", start: 10, end: 19, kind: .client)
        f.span("rpc", parent: "root", service: "pay", start: 11, end: 18, kind: .server)
        f.span("zip", parent: "rpc", service: "pay", start: 12, end: 13, kind: .server, markers: [.sharedServerHalf])
        let trace = f.buildTrace()
        let found = diagnostics(.duplicateSpanID, in: trace)
        let warnings = found.filter { $0.severity == .warning }
        #expect(warnings.count == 1)
        #expect(trace.names(warnings[0].spans) == ["one", "two"])
        let info = found.filter { $0.severity == .info }
        #expect(info.count == 2)
        #expect(info.contains { $0.message.contains("client and server halves of one call") })
        #expect(info.contains { $0.message.contains("derived id") && $0.spans.contains(trace.local("zip")) })
    }
}
