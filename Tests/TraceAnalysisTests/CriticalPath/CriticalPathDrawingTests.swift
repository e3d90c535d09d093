import Testing
import TraceModel
import TestSupport
@testable import TraceAnalysis

/// Jaeger UI's nine critical-path cases (the conformance files) redrawn as pictures, scaled
/// down: the same shapes, so the same sections in drawing units. Expected sections are in
/// time order (Jaeger UI lists them latest first).
@Suite struct CriticalPathDrawingTests {
    func path(_ drawing: String, _ compatibility: CriticalPath.Compatibility = .trex) -> [String] {
        let trace = AnalysisDrawing.trace(drawing)
        return CriticalPath(trace, compatibility: compatibility).sections.described(in: trace)
    }

    @Test func test1ChildrenListedOutOfOrderLeaveGapsToTheParent() {
        // Jaeger UI: C[60,101] E[50,60] C[40,50] D[20,40] C[1,20]
        #expect(path("""
            C   svc      [==================]
             D  svc          [==]
             E  svc                []
            """) == ["C 0-4", "D 4-8", "C 8-10", "E 10-12", "C 12-20"])
    }

    @Test func test2OverlappingChildrenOnlyTheLastFinishingCounts() {
        // Jaeger UI: X[60,101] C[20,60] X[1,20]; A overlaps C and is not on the path.
        #expect(path("""
            X   svc      [==================]
             A  svc        [======]
             C  svc          [======]
            """) == ["X 0-4", "C 4-12", "X 12-20"])
    }

    @Test func test3ChildStartingAfterTheRootEndsIsDropped() {
        #expect(path("""
            R   svc      [==]  kind=producer
             T  svc                [====]  kind=client
            """) == ["R 0-4"])
    }

    @Test func test4ChildOutsideItsParentIsDroppedWithItsSubtree() {
        #expect(path("""
            A   svc      [====]
             B  svc              [======]
              C svc                []
            """) == ["A 0-6"])
    }

    @Test func test5ConsumerOfAProducerDoesNotBlock() {
        #expect(path("""
            A   svc      [==========]  kind=producer
             B  svc          [==]  kind=consumer ref=follows
              C svc           []
            """) == ["A 0-12"])
    }

    @Test func test6ChildrenAreClippedToTheClippedParent() {
        // B[6,14) is cut to [6,12); C[4,10) to B's clipped [6,10).
        #expect(path("""
            A   svc      [==========]
             B  svc            [======]
              C svc          [====]
            """) == ["A 0-6", "C 6-10", "B 10-12"])
    }

    @Test func test7GrandchildEndingAfterEveryoneIsClippedTwice() {
        #expect(path("""
            A   svc      [==========]
             B  svc            [======]
              C svc              [======]
            """) == ["A 0-6", "B 6-8", "C 8-12"])
    }

    @Test func test8ChildCoveringItsParentTakesAllItsTime() {
        #expect(path("""
            A   svc        [==]
             B  svc      [======]
            """) == ["B 2-6"])
    }

    @Test func test9ChildEndingBeforeItsParentStartsIsDropped() {
        #expect(path("""
            A   svc          [==]
             B  svc      []
            """) == ["A 4-8"])
    }
}
