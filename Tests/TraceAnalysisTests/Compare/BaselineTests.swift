import Testing
import TraceModel
import TestSupport
@testable import TraceAnalysis

/// The baseline: the per-path median of several traces of one root operation
/// (`OperationTree.init(medianOf:)`), and a trace compared with it.
@Suite struct BaselineTests {
    /// Three traces of `web root`: the lookups grow 1 → 2 → 3; the cache is in two of them, the
    /// retry in one.
    static let usual: [Trace] = [
        TraceDrawing.trace("""
            root     web      [========]
             db      postgres   []
             cache   redis         []
            """),
        TraceDrawing.trace("""
            root     web      [==========]
             db      postgres   []
             db2     postgres     []                            name=db
             cache   redis          [=]
            """),
        TraceDrawing.trace("""
            root     web      [============================]
             db      postgres   [=]
             db2     postgres      [=]                          name=db
             db3     postgres         [=]                       name=db
             retry   web                  [==============]
            """),
    ]

    @Test func eachFigureIsTheMedianOverTheTracesCountingAMissingPathAsZero() throws {
        let median = OperationTree(medianOf: Self.usual.map { OperationTree($0) })
        #expect(median.nodes.count == 3, "root, db, cache; the retry is in one trace of three")
        #expect(median.node("root", "retry") == nil)

        let root = try #require(median.node("root"))
        #expect(root.totals.count == 1 && root.totals.duration == .milliseconds(12) && root.traceCount == 3)
        // Lookups: counts 1, 2, 3 and durations 2, 4, 9 ms: the middle of each.
        let db = try #require(median.node("root", "db"))
        #expect(db.totals.count == 2 && db.totals.duration == .milliseconds(4) && db.traceCount == 3)
        #expect(db.totals.criticalTime == .milliseconds(4))
        // The cache: 2 and 3 ms in two traces, absent (0) in the third.
        let cache = try #require(median.node("root", "cache"))
        #expect(cache.totals.count == 1 && cache.totals.duration == .milliseconds(2) && cache.traceCount == 2)
        #expect(cache.totals.isCritical, "on the path in two traces of three")
        #expect(cache.depth == 1 && median.nodes[Int(cache.parent)].depth == 0)

        // Spans 3, 4, 5; durations 10, 12, 30 ms.
        #expect(median.figures == TraceFigures(traceCount: 3, spanCount: 4, duration: .milliseconds(12),
                                               criticalPathLength: .milliseconds(12)))
    }

    @Test func aTraceAgainstItsBaseline() throws {
        let trace = TraceDrawing.trace("""
            root     web      [==================]
             db      postgres   []
             retry   web           [===========]
            """)
        let comparison = TraceComparison(OperationTree(medianOf: Self.usual.map { OperationTree($0) }), OperationTree(trace))
        #expect(comparison.described == [
            "root 1×12 → 1×20",
            " retry 0×0 → 1×13 only B critical B",
            " db 2×4 → 1×2",
            " cache 1×2 → 0×0 only A critical A",
        ])
        #expect(comparison.nodes[2].tracesInA == 3 && comparison.nodes[3].tracesInA == 2)
        #expect(comparison.a.traceCount == 3 && comparison.b.traceCount == 1)
    }

    @Test func withAnEvenNumberOfTracesTheLowerMiddleIsTaken() throws {
        // Durations 2, 4, 6 and 8 ms: the nearest-rank median of four is the second, 4 ms.
        let traces = [2, 4, 6, 8].map { width in
            TraceDrawing.trace("""
                root     web      [==========]
                 db      postgres  [\(String(repeating: "=", count: width - 2))]
                """)
        }
        let median = OperationTree(medianOf: traces.map { OperationTree($0) })
        #expect(median.node("root", "db")?.totals.duration == .milliseconds(4))
        // Of two, the smaller; a path in one of two is not in more than half.
        let two = OperationTree(medianOf: [OperationTree(traces[3]), OperationTree(Self.usual[0])])
        #expect(two.node("root")?.totals.duration == .milliseconds(10))
        #expect(two.node("root", "cache") == nil && two.node("root", "db")?.totals.duration == .milliseconds(2))
    }

    @Test func theMedianOfOneTreeIsThatTree() {
        let tree = OperationTree(Self.usual[1])
        let median = OperationTree(medianOf: [tree])
        #expect(median.nodes == tree.nodes && median.figures == tree.figures)
        #expect(median.keys == tree.keys)
    }
}
