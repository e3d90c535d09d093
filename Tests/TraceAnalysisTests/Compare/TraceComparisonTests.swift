import Foundation
import Testing
import TraceModel
import TestSupport
@testable import TraceAnalysis

/// Two traces merged by the path of (service, operation) from the root. Each drawing is a table
/// of its own, so the keys also have to line up across string tables. One column is 1 ms.
@Suite struct TraceComparisonTests {
    /// Sequential calls: auth 2-6, db 6-14, pay 14-20, all on the critical path.
    static let checkout = """
        root     frontend [==================]
         auth    auth       [==]
         db      postgres       [======]
         pay     payment                [====]
        """

    /// `checkout` with the payment call 10 ms slower.
    static let slowerPayment = """
        root     frontend [============================]
         auth    auth       [==]
         db      postgres       [======]
         pay     payment                [==============]
        """

    @Test func identicalTracesDifferNowhere() {
        let a = TraceDrawing.trace(Self.checkout)
        let b = TraceDrawing.trace(Self.checkout)
        for comparison in [TraceComparison(a, b), TraceComparison(a, a)] {
            #expect(comparison.nodes.count == 4)
            for node in comparison.nodes {
                #expect(node.durationDelta == .zero && node.selfTimeDelta == .zero && node.countDelta == 0)
                #expect(node.criticalTimeDelta == .zero && !node.criticalPathDiffers)
                #expect(node.isInA && node.isInB && node.durationChange == 0)
            }
            #expect(comparison.largestSelfTimeChanges(limit: 5).isEmpty)
            #expect(comparison.a == comparison.b)
        }
        // With no difference anywhere, siblings read longest first.
        #expect(TraceComparison(a, b).described == [
            "root 1×20 → 1×20",
            " db 1×8 → 1×8",
            " pay 1×6 → 1×6",
            " auth 1×4 → 1×4",
        ])
    }

    @Test func aSlowerCallComesFirstAndItsSelfTimeSaysWhere() throws {
        let comparison = TraceComparison(TraceDrawing.trace(Self.checkout), TraceDrawing.trace(Self.slowerPayment))
        #expect(comparison.described == [
            "root 1×20 → 1×30",
            " pay 1×6 → 1×16",
            " db 1×8 → 1×8",
            " auth 1×4 → 1×4",
        ])
        let pay = try #require(comparison.node("root", "pay"))
        #expect(pay.durationDelta == .milliseconds(10))
        #expect(pay.selfTimeDelta == .milliseconds(10))
        #expect(pay.durationChange.map { ($0 * 100).rounded() } == 167)
        #expect(pay.criticalTimeDelta == .milliseconds(10) && !pay.criticalPathDiffers)
        // The root is 10 ms longer, all of it in the payment call: its own time did not change.
        let root = try #require(comparison.node("root"))
        #expect(root.durationDelta == .milliseconds(10) && root.selfTimeDelta == .zero)
        #expect(comparison.largestSelfTimeChanges(limit: 3).map { comparison.nodes[$0].key.name } == ["pay"])
        #expect(comparison.path(to: 1).map(\.name) == ["root", "pay"])
        #expect(comparison.b.duration - comparison.a.duration == .milliseconds(10))
        #expect(comparison.a.criticalPathLength == .milliseconds(20) && comparison.b.criticalPathLength == .milliseconds(30))
        #expect(comparison.a.spanCount == 4 && comparison.a.traceCount == 1)
    }

    @Test func pathsOfOneSideOnlyAreMarkedWithTheirSubtrees() throws {
        let a = TraceDrawing.trace("""
            root     frontend [==================]
             cache   redis      [==]
             db      postgres       [======]
            """)
        let b = TraceDrawing.trace("""
            root     frontend [==================]
             db      postgres       [======]
             fraud   fraud                  [====]
              model  fraud                   [==]
            """)
        let comparison = TraceComparison(a, b)
        #expect(comparison.described == [
            "root 1×20 → 1×20",
            " fraud 0×0 → 1×6 only B critical B",
            "  model 0×0 → 1×4 only B critical B",
            " cache 1×4 → 0×0 only A critical A",
            " db 1×8 → 1×8",
        ])
        let fraud = try #require(comparison.node("root", "fraud"))
        #expect(fraud.a == .zero && fraud.tracesInA == 0 && fraud.tracesInB == 1)
        #expect(fraud.durationChange == nil, "no change relative to nothing")
        #expect(fraud.subtreeEnd == 3 && fraud.parent == 0)
        let cache = try #require(comparison.node("root", "cache"))
        #expect(cache.b == .zero && cache.durationDelta == .milliseconds(-4) && cache.durationChange == -1)
    }

    @Test func theSameNameInAnotherServiceOrPlaceIsAnotherPath() {
        let a = TraceDrawing.trace("""
            root     frontend [==================]
             query   orders     [==]
             call    orders         [======]
              query  orders           [==]                      id=q2
            """)
        let b = TraceDrawing.trace("""
            root     frontend [==================]
             query   users      [==]
             call    orders         [======]
              query  orders           [==]                      id=q2
            """)
        let comparison = TraceComparison(a, b)
        // Equal differences: the larger duration, then the operation (orders before users).
        #expect(comparison.described == [
            "root 1×20 → 1×20",
            " query 1×4 → 0×0 only A critical A",
            " query 0×0 → 1×4 only B critical B",
            " call 1×8 → 1×8",
            "  query 1×4 → 1×4",
        ])
        #expect(comparison.nodes[1].key == OperationKey(service: "orders", name: "query"))
        #expect(comparison.nodes[2].key == OperationKey(service: "users", name: "query"))
    }

    @Test func repeatedSiblingsAreOneNodeWithACount() throws {
        // N+1: two lookups in A, five in B.
        let a = TraceDrawing.trace("""
            root     api      [==================]
             q1      postgres  [=]                              name=SELECT
             q2      postgres     [=]                           name=SELECT
            """)
        let b = TraceDrawing.trace("""
            root     api      [==================]
             q1      postgres  [=]                              name=SELECT
             q2      postgres     [=]                           name=SELECT
             q3      postgres        [=]                        name=SELECT
             q4      postgres           [=]                     name=SELECT
             q5      postgres              [=]                  name=SELECT
            """)
        let comparison = TraceComparison(a, b)
        #expect(comparison.described == ["root 1×20 → 1×20", " SELECT 2×6 → 5×15"])
        let select = try #require(comparison.node("root", "SELECT"))
        #expect(select.countDelta == 3)
        #expect(select.durationDelta == .milliseconds(9))
        #expect(select.durationChange == 1.5)
        // Back to back, every lookup is on the critical path.
        #expect(select.a.criticalTime == .milliseconds(6) && select.b.criticalTime == .milliseconds(15))
    }

    @Test func criticalPathDifferencesAreMarkedOnBothSides() throws {
        // In A the export finishes last and sets the latency; in B the render does.
        let a = TraceDrawing.trace("""
            root     web      [==========]
             export  web       [========]
             render  web       [====]
            """)
        let b = TraceDrawing.trace("""
            root     web      [==========]
             export  web       [====]
             render  web       [========]
            """)
        let comparison = TraceComparison(a, b)
        let export = try #require(comparison.node("root", "export"))
        let render = try #require(comparison.node("root", "render"))
        #expect(export.isCriticalInA && !export.isCriticalInB && export.criticalPathDiffers)
        #expect(render.isCriticalInB && !render.isCriticalInA && render.criticalPathDiffers)
        #expect(export.criticalTimeDelta == .milliseconds(-10) && render.criticalTimeDelta == .milliseconds(10))
        #expect(comparison.node("root")?.criticalPathDiffers == false)
        #expect(comparison.described == [
            "root 1×12 → 1×12",
            " export 1×10 → 1×6 critical A",
            " render 1×6 → 1×10 critical B",
        ])
    }

    @Test func orphansHangUnderTheMissingParentGroup() throws {
        let a = TraceDrawing.trace("""
            root     web      [==========]
             api     api       [====]
            lost     api             [==]                       parent=gone
             db      db               []
            """)
        let b = TraceDrawing.trace("""
            root     web      [==========]
             api     api       [====]
            lost     api             [====]                     parent=gone
             db      db               [==]
            stray    mq        [=]                              parent=elsewhere
            """)
        let comparison = TraceComparison(a, b)
        #expect(comparison.described == [
            "(missing parent) 1×4 → 2×9",
            " stray 0×0 → 1×3 only B critical B",
            " lost 1×4 → 1×6",
            "  db 1×2 → 1×4",
            "root 1×12 → 1×12",
            " api 1×6 → 1×6",
        ])
        let group = comparison.nodes[0]
        #expect(group.key == .missingParent && group.depth == 0 && group.parent == nil && group.subtreeEnd == 4)
        #expect(group.a.selfTime == .zero && group.a.criticalTime == .zero && !group.isCriticalInB, "the group is no span")
        // Each fragment has its own critical path (trex's improvement over Jaeger UI).
        let lost = comparison.nodes[2]
        #expect(lost.isCriticalInA && lost.isCriticalInB && comparison.nodes[3].isCriticalInA)
    }

    @Test func aTraceWithoutOrphansAgainstOneWithThemMarksTheGroupOnlyInB() {
        let a = TraceDrawing.trace("""
            root     web      [==========]
            """)
        let b = TraceDrawing.trace("""
            root     web      [==========]
            lost     api             [==]                       parent=gone
            """)
        #expect(TraceComparison(a, b).described == [
            "(missing parent) 0×0 → 1×4 only B",
            " lost 0×0 → 1×4 only B critical B",
            "root 1×12 → 1×12",
        ])
    }

    @Test func theJSONIsFlatWithTheDocumentedKeys() throws {
        let a = TraceDrawing.trace(Self.checkout)
        let b = TraceDrawing.trace("""
            root     frontend [============================]
             db      postgres       [======]
             pay     payment                [==============]
            """)
        let data = try JSONEncoder().encode(TraceComparison(a, b))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["a", "b", "nodes"])
        let figures = try #require(object["a"] as? [String: Any])
        #expect(Set(figures.keys) == ["traces", "spanCount", "durationNanos", "criticalPathNanos"])
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        #expect(nodes.count == 4)
        #expect(Set(nodes[0].keys) == ["service", "operation", "missingParent", "depth", "parent", "a", "b",
                                       "onlyInA", "onlyInB", "criticalInA", "criticalInB", "deltaCount",
                                       "deltaDurationNanos", "deltaSelfNanos", "deltaCriticalNanos", "deltaPercent"])
        #expect(nodes[0]["parent"] is NSNull)
        #expect(nodes[1]["operation"] as? String == "pay" && nodes[1]["parent"] as? Int == 0)
        #expect(nodes[1]["deltaDurationNanos"] as? Int == 10_000_000 && nodes[1]["deltaPercent"] as? Double == 166.7)
        let auth = try #require(nodes.first { $0["operation"] as? String == "auth" })
        #expect(auth["onlyInA"] as? Bool == true && auth["deltaPercent"] as? Double == -100)
        let side = try #require(auth["b"] as? [String: Any])
        #expect(Set(side.keys) == ["count", "durationNanos", "selfNanos", "criticalNanos", "traces"])
        #expect(side["traces"] as? Int == 0)
    }
}
