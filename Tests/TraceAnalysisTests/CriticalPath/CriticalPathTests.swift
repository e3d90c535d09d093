import Testing
import TraceModel
import TestSupport
@testable import TraceAnalysis

@Suite struct CriticalPathTests {
    @Test func backToBackSequentialChildrenStayOnThePath() {
        // Three calls one after another, each ending exactly when the next starts.
        let trace = AnalysisDrawing.trace("""
            A   svc [============]
             B  svc [==]
             C  svc     [==]
             D  svc         [==]
            """)
        // trex: a child ending exactly at the current point is eligible.
        #expect(CriticalPath(trace).sections.described(in: trace) == ["B 0-4", "C 4-8", "D 8-12", "A 12-14"])
        // Jaeger UI's strict comparison hands C's time to the parent.
        #expect(CriticalPath(trace, compatibility: .jaegerUI).sections.described(in: trace)
                == ["B 0-4", "A 4-8", "D 8-12", "A 12-14"])
    }

    @Test func aFollowsFromChildStillBlocks() {
        let trace = AnalysisDrawing.trace("""
            req   api   [==========]
             bg   api        [====]   ref=follows
            """)
        #expect(CriticalPath(trace).sections.described(in: trace) == ["req 0-5", "bg 5-11", "req 11-12"])
    }

    @Test func aConsumerOutlivingItsProducerIsNotOnThePath() {
        let trace = AnalysisDrawing.trace("""
            checkout shop   [=========]
             publish shop     [==]              kind=producer
              handle mailer     [============]  kind=consumer
            """)
        let path = CriticalPath(trace)
        #expect(path.sections.described(in: trace) == ["checkout 0-2", "publish 2-6", "checkout 6-11"])
        #expect(path.criticalTime[trace.local("handle")] == .zero)
    }

    @Test func aChildEndingAfterItsParentIsCutAtTheParentsEnd() {
        let trace = AnalysisDrawing.trace("""
            root  web  [========]
             slow api       [========]
            """)
        #expect(CriticalPath(trace).sections.described(in: trace) == ["root 0-5", "slow 5-10"])
    }

    @Test func nestedFanOutFollowsTheSlowestBranchAtEachLevel() {
        let trace = AnalysisDrawing.trace("""
            root  gw     [====================]
             a    svc-a   [======]
              a1  db       [==]
              a2  db       [====]
             b    svc-b   [==============]
              b1  db       [===]
              b2  db       [========]
              b3  db       [======]
            """)
        #expect(CriticalPath(trace).sections.described(in: trace)
                == ["root 0-1", "b 1-2", "b2 2-12", "b 12-17", "root 17-22"])
    }

    @Test func anOrphanGetsThePathOfItsOwnFragment() {
        var f = TraceFixture()
        f.span("root", service: "web", start: 0, end: 10)
        f.span("lost", parent: "never-arrived", service: "api", start: 20, end: 30)
        f.span("work", parent: "lost", service: "api", start: 22, end: 26)
        let trace = f.buildTrace()
        let path = CriticalPath(trace)
        #expect(path.paths.map { trace.nameOf($0.root) } == ["root", "lost"])
        #expect(path.sections.described(in: trace) == ["root 0-10", "lost 20-22", "work 22-26", "lost 26-30"])
        // Jaeger UI has no path for the fragment.
        #expect(CriticalPath(trace, compatibility: .jaegerUI).sections.described(in: trace) == ["root 0-10"])
    }

    @Test func severalRootsGetOnePathEachInTimeOrder() {
        let trace = AnalysisDrawing.trace("""
            first  web  [======]
             call  api    [==]
            second web     [======]  parent=-
            """)
        let path = CriticalPath(trace)
        #expect(path.paths.count == 2)
        #expect(path.paths[1].sections.described(in: trace) == ["second 3-11"])
        // Merged by start time: the second request overlaps the first.
        #expect(path.sections.described(in: trace) == ["first 0-2", "call 2-6", "second 3-11", "first 6-8"])
    }

    @Test func zeroLengthChildrenNeitherLoopNorAppear() {
        var f = TraceFixture()
        f.span("root", start: 0, end: 10)
        f.span("blip", parent: "root", start: 5, end: 5)
        f.span("blip2", parent: "root", name: "blip", start: 5, end: 5)
        f.span("tail", parent: "root", start: 0, end: 5)
        let trace = f.buildTrace()
        #expect(CriticalPath(trace).sections.described(in: trace) == ["tail 0-5", "root 5-10"])
    }

    @Test func criticalTimesAddUpToTheRootsDuration() {
        let trace = AnalysisDrawing.trace("""
            root  gw   [==================]
             a    x     [====]
             b    x        [========]
              c   y         [==]
             d    x                [==]
            """)
        let path = CriticalPath(trace)
        let total = path.criticalTime.reduce(Nanoseconds.zero, +)
        #expect(total == trace[trace.local("root")].duration)
        #expect(path.paths[0].duration == total)
        // Sections are contiguous and in time order.
        let sections = path.sections
        for (a, b) in zip(sections, sections.dropFirst()) { #expect(a.end == b.start) }
    }

    @Test func aHundredThousandDeepChainNeedsNoRecursion() {
        var f = TraceFixture(unitNanos: 1_000)
        let n = 100_000
        for i in 0..<n {
            f.span("s\(i)", parent: i == 0 ? nil : "s\(i - 1)", start: Int64(i), end: Int64(2 * n - i))
        }
        let trace = f.buildTrace()
        let path = CriticalPath(trace)
        // Down the chain one unit at a time, the deepest span's own 2 units, back up.
        #expect(path.sections.count == 2 * n - 1)
        #expect(path.criticalTime.reduce(.zero, +) == trace[trace.local("s0")].duration)
        #expect(path.criticalTime[trace.local("s\(n - 1)")] == Nanoseconds(2_000))
    }

    @Test func adjustedTimesMoveThePath() {
        // The child's clock runs behind: raw, it starts before its parent; centring moves it 4 units.
        let trace = AnalysisDrawing.trace("""
            root  web  [==========]      host=a
             call api [====]            host=b kind=server
            """)
        #expect(CriticalPath(trace).sections.described(in: trace) == ["call 1-6", "root 6-13"])
        let adjustment = ClockSkewAdjustment(trace)
        let adjusted = CriticalPath(trace, times: SpanTimes(trace, adjustment: adjustment))
        #expect(adjustment.shifts[trace.local("call")] == 4_000_000)
        #expect(adjusted.sections.described(in: trace) == ["root 1-4", "call 4-10", "root 10-13"])
    }
}
