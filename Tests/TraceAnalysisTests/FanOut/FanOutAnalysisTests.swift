import Testing
import TraceModel
import TestSupport
@testable import TraceAnalysis

@Suite struct FanOutAnalysisTests {
    /// A parent with six sequential lookups whose statements differ only in a literal, two
    /// of another statement, and one overlapping call.
    static let lookups = """
        list   shop  [==============================]
         q1    db     [==]                            kind=client name=SELECT
         q2    db         [==]                        kind=client name=SELECT
         q3    db             [==]                    kind=client name=SELECT
         q4    db                 [===]               kind=client name=SELECT
         q5    db                      [==]           kind=client name=SELECT
         q6    db                          [==]       kind=client name=SELECT
         u1    db                              [==]   kind=client name=SELECT
         u2    db                                [=]  kind=client name=SELECT
         img   cdn    [====================]          kind=client
        """

    static var statements: [String: [String: AttributeValue]] {
        var a: [String: [String: AttributeValue]] = [:]
        for i in 1...6 { a["q\(i)"] = ["db.statement": .string("SELECT * FROM items WHERE id = \(i * 7)")] }
        for i in 1...2 { a["u\(i)"] = ["db.statement": .string("SELECT * FROM users WHERE id = \(i)")] }
        return a
    }

    @Test func childrenAreGroupedByOperationAndStatementShape() {
        let trace = AnalysisDrawing.trace(Self.lookups, attributes: Self.statements)
        let tree = TraceTree(trace)
        let groups = FanOutAnalysis.groups(of: trace.local("list"), in: trace, tree: tree)
        #expect(groups.count == 3)
        let items = groups.first { $0.statementShape == "SELECT * FROM items WHERE id = ?" }
        #expect(items?.count == 6)
        #expect(items?.isSequential == true)
        #expect(items?.longest == trace.local("q4"))
        #expect(groups.first { $0.statementShape?.contains("users") == true }?.count == 2)
        #expect(groups.first { $0.statementShape == nil }?.count == 1)
    }

    @Test func sixSequentialLookupsOfOneShapeAreNPlusOne() {
        let trace = AnalysisDrawing.trace(Self.lookups, attributes: Self.statements)
        let analysis = FanOutAnalysis(trace)
        #expect(analysis.nPlusOne.count == 1)
        let f = analysis.nPlusOne[0]
        #expect(f.calls == ["q1", "q2", "q3", "q4", "q5", "q6"].map(trace.local))
        // 4 + 4 + 4 + 5 + 4 + 4 ms together; batched, about the longest: 5 ms.
        #expect(f.totalTime == .milliseconds(25))
        #expect(f.longestTime == .milliseconds(5))
        #expect(f.savings == .milliseconds(20))
        let d = diagnostics(.nPlusOne, in: trace)
        #expect(d.count == 1)
        #expect(d[0].message.contains("6 sequential calls to db \"SELECT\" (SELECT * FROM items WHERE id = ?)"))
        #expect(d[0].spans.first == trace.local("list"))
    }

    @Test func fourCallsAreNotYetNPlusOneAndOverlappingCallsAreNot() {
        let four = AnalysisDrawing.trace("""
            p   api  [====================]
             a  db    [==]
             a2 db       [==]  name=a
             a3 db          [==]  name=a
             a4 db             [==]  name=a
            """)
        #expect(FanOutAnalysis(four).nPlusOne.isEmpty)
        let parallel = AnalysisDrawing.trace("""
            p   api  [====================]
             a  db    [====]
             a2 db     [====]  name=a
             a3 db      [====]  name=a
             a4 db       [====]  name=a
             a5 db        [====]  name=a
            """)
        let analysis = FanOutAnalysis(parallel)
        #expect(analysis.nPlusOne.isEmpty)
        let group = FanOutAnalysis.groups(of: parallel.local("p"), in: parallel, tree: TraceTree(parallel))[0]
        #expect(group.maxConcurrency == 5 && !group.isSequential)
    }

    @Test func wideFanOutNamesTheSlowestChildAtEveryLevel() {
        var f = TraceFixture()
        f.span("root", service: "gw", start: 0, end: 100)
        for i in 0..<12 {
            f.span("shard\(i)", parent: "root", service: "search", name: "query", start: 1, end: Int64(10 + i),
                   kind: .client)
        }
        f.span("slow", parent: "root", service: "search", name: "query", start: 2, end: 60, kind: .client)
        // Nested: one shard fans out again.
        for i in 0..<10 {
            f.span("leaf\(i)", parent: "shard3", service: "index", name: "get", start: 2, end: Int64(4 + i))
        }
        let trace = f.buildTrace()
        let analysis = FanOutAnalysis(trace)
        #expect(analysis.wideFanOuts.count == 2)
        let top = analysis.wideFanOuts.first { trace.nameOf($0.parent) == "root" }
        #expect(top?.childCount == 13 && top?.maxConcurrency == 13)
        #expect(top.map { trace[$0.slowest].spanID } == TraceFixture.id("slow"))
        let nested = analysis.wideFanOuts.first { trace.nameOf($0.parent) == "query" }
        #expect(nested?.maxConcurrency == 10)
        #expect(nested.map { trace.nameOf($0.slowest) } == "get")
        let d = diagnostics(.fanOut, in: trace)
        #expect(d.count == 2)
        #expect(d.contains { $0.message.contains("fans out to 13 children (13 of them search \"query\"), up to 13 at once") })
    }

    @Test func backToBackCallsAreSequential() {
        let trace = AnalysisDrawing.trace("""
            p   api  [====================]
             a  db   [==]
             a2 db       [==]  name=a
             a3 db           [==]  name=a
             a4 db               [==]  name=a
             a5 db                   [==]  name=a
            """)
        #expect(FanOutAnalysis(trace).nPlusOne.first?.calls.count == 5)
    }
}
