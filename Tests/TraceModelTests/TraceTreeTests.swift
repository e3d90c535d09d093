import Testing
import TraceModel
import TestSupport

@Suite struct TraceTreeTests {
    @Test func preorderFollowsTheTreeWithChildrenByStart() {
        let trace = TraceDrawing.trace("""
            root  frontend [==========]
             b    api          [==]
             a    api        [=]
              a1  db          [=]
            """)
        let tree = TraceTree(trace)
        #expect(tree.preorder.map { trace.nameOf(Int($0)) } == ["root", "a", "a1", "b"])
        #expect(tree.depth[trace.local("a1")] == 2)
        #expect(tree.roots.count == 1)
        #expect(tree.orphans.isEmpty)
        #expect(tree.children(of: trace.local("root")).map { trace.nameOf(Int($0)) } == ["a", "b"])
    }

    @Test func orphansBecomeRootsOfTheirFragment() {
        var f = TraceFixture()
        f.span("root", start: 0, end: 10)
        f.span("lost", parent: "never-seen", start: 2, end: 4)
        f.span("under-lost", parent: "lost", start: 3, end: 4)
        let trace = f.buildTrace()
        let tree = TraceTree(trace)
        #expect(tree.roots.map { trace.nameOf(Int($0)) } == ["root", "lost"])
        #expect(tree.orphans.map { trace.nameOf(Int($0)) } == ["lost"])
        #expect(tree.preorder.count == 3)
    }

    @Test func parentCyclesAreCutSoEverySpanAppearsOnce() {
        var f = TraceFixture()
        f.span("a", parent: "c", start: 0, end: 10)
        f.span("b", parent: "a", start: 1, end: 9)
        f.span("c", parent: "b", start: 2, end: 8)
        f.span("self", parent: "self", start: 3, end: 4)
        let trace = f.buildTrace()
        let tree = TraceTree(trace)
        #expect(tree.preorder.count == 4)
        #expect(Set(tree.preorder).count == 4)
        #expect(tree.cycleBreaks.count == 1)
    }

    @Test func aChainOfAHundredThousandSpansNeedsNoRecursion() {
        var f = TraceFixture()
        let n = 100_000
        for i in 0..<n {
            f.span("s\(i)", parent: i == 0 ? nil : "s\(i - 1)", start: Int64(i), end: Int64(2 * n - i))
        }
        let trace = f.buildTrace()
        let tree = TraceTree(trace)
        #expect(tree.preorder.count == n)
        #expect(tree.depth[trace.local("s99999")] == 99_999)
    }

    @Test func selfTimeSubtractsTheUnionOfChildrenClippedToTheSpan() {
        let trace = TraceDrawing.trace("""
            root  svc [====================]
             a    svc   [=====]
             b    svc      [=====]
             c    svc                   [=====]
            """)
        let selfTimes = TraceTree(trace).selfTimes(trace)
        // A bar spans its brackets: root 0-22; a 2-9 and b 5-12 overlap into 2-12 (10);
        // c 18-25 is clipped to 18-22 (4): 22 - 14 = 8.
        #expect(selfTimes[trace.local("root")] == .milliseconds(8))
        #expect(selfTimes[trace.local("a")] == .milliseconds(7))
        #expect(selfTimes[trace.local("c")] == .milliseconds(7))
    }

    @Test func summaryUsesTheSingleRootOrTheEarliestSpan() {
        let table = TraceDrawing.table("""
            root  frontend [==========]
             db   postgres  [==]        status=error
            """)
        let s = TraceSummary(table.trace(at: 0))
        #expect(s.hasSingleRoot)
        #expect(table.strings[s.rootName] == "root")
        #expect(table.strings[s.rootService] == "frontend")
        #expect(s.duration == .milliseconds(12))
        #expect(s.errorCount == 1)
        #expect(s.services.map { table.strings[$0] } == ["frontend", "postgres"])

        var f = TraceFixture()
        f.span("x", parent: "gone", service: "b", start: 5, end: 9)
        f.span("y", parent: "gone", service: "a", start: 1, end: 3)
        let orphaned = f.build()
        let o = TraceSummary(orphaned.trace(at: 0))
        #expect(!o.hasSingleRoot)
        #expect(orphaned.strings[o.rootName] == "y")
        #expect(o.duration == .milliseconds(8))
    }
}
