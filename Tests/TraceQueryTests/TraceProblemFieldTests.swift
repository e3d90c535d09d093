import Testing
import TraceModel
import TestSupport
@testable import TraceQuery

/// `trace:problem`: a trace-level field whose values are the problems the analysis finds,
/// answered through the lookup the caller gives (the workspace gives the analysis).
@Suite struct TraceProblemFieldTests {
    /// Three traces: "skewed" (clock skew), "failing" (errors and missing spans), "fine".
    static let table: SpanTable = {
        var f = TraceFixture(trace: "skewed")
        f.span("a", service: "web", start: 0, end: 100)
        f.inTrace("failing")
        f.span("b", service: "web", start: 200, end: 300, status: .error)
        f.span("c", parent: "b", service: "db", start: 210, end: 290)
        f.inTrace("fine")
        f.span("d", service: "web", start: 400, end: 500)
        return f.build()
    }()

    static let problems: [TraceID: TraceProblems] = [
        StableHash.traceID(for: "skewed"): .clockSkew,
        StableHash.traceID(for: "failing"): [.errorOrigin, .missingSpans],
    ]

    func roots(_ text: String) throws -> [String] {
        let query = try Query.parse(text)
        let table = Self.table
        return QueryEngine.run(query, on: table, problems: { Self.problems[$0.id] ?? [] })
            .map { table.trace(at: $0.traceIndex).nameOf(0) }.sorted()
    }

    @Test func matchesTheTracesWithTheProblem() throws {
        #expect(try roots("trace:problem = \"clock-skew\"") == ["a"])
        #expect(try roots("trace:problem = \"error\"") == ["b"])
        #expect(try roots("trace:problem = \"missing-spans\" && trace:problem = \"error\"") == ["b"])
        #expect(try roots("trace:problem != \"clock-skew\"") == ["b", "d"])
        #expect(try roots("trace:problem = \"fan-out\"") == [])
        #expect(try roots("{ trace:problem = \"error\" && service = \"db\" }") == ["b"])
        #expect(try roots("trace:problem IN (\"clock-skew\", \"error\")") == ["a", "b"])
    }

    @Test func everySpellingAndEveryProblemName() throws {
        for spelling in ["trace:problem", "trace.problem", "problem", "TRACE:PROBLEM"] {
            #expect(try roots("\(spelling) = \"clock-skew\"") == ["a"], "\(spelling)")
        }
        for problem in TraceProblems.all {
            #expect(parse("trace:problem = \"\(problem.name)\"") != nil)
            #expect(TraceProblems(named: problem.name) == problem)
        }
        #expect(canonical("trace:problem = \"N-PLUS-ONE\"") == "trace.problem = \"n-plus-one\"")
    }

    @Test func withoutALookupNoTraceHasAProblem() throws {
        let query = try Query.parse("trace:problem = \"clock-skew\"")
        #expect(QueryEngine.run(query, on: Self.table).isEmpty)
    }

    @Test func anUnknownProblemIsRefusedWithACaretAndTheNearestName() throws {
        let text = "duration > 1ms && trace:problem = \"clock-skw\""
        let d = try #require(diagnostic(text))
        #expect(d.message == "unknown trace problem `clock-skw`")
        #expect(d.column == text.distance(from: text.startIndex, to: text.firstIndex(of: "\"")!))
        #expect(d.suggestion == "\"clock-skew\"")
        #expect(d.expected.contains("\"broken-propagation\""))
        #expect(d.rendered(query: text).contains("^"))
    }

    @Test func partsOfNamesAndTheListsLettersSuggestTheName() throws {
        for (typed, name) in [("skew", "clock-skew"), ("outliving", "outliving-children"), ("S", "clock-skew"),
                              ("nplusone", "n-plus-one"), ("M", "missing-spans"), ("fanout", "fan-out")] {
            #expect(try #require(diagnostic("trace:problem = \"\(typed)\"")).suggestion == "\"\(name)\"", "\(typed)")
        }
    }

    @Test func onlyEqualityApplies() throws {
        let d = try #require(diagnostic("trace:problem > \"error\""))
        #expect(d.message.contains("does not apply to `trace:problem` (a trace problem)"))
        #expect(try #require(diagnostic("trace:problem = 3")).message.contains("expected a problem"))
        #expect(try #require(diagnostic("trace:problem")).message.contains("trace:problem = \"clock-skew\""))
    }

    @Test func severityOrdersMoreProblemsFirstThenTheMoreSerious() {
        let ordered: [TraceProblems] = [[.errorOrigin, .clockSkew], [.clockSkew, .fanOut], .errorOrigin, .clockSkew,
                                        .outlivingChildren, []]
        #expect(ordered.map(\.severityKey) == ordered.map(\.severityKey).sorted(by: >))
        #expect(TraceProblems([.nPlusOne, .errorOrigin]).name == "error,n-plus-one")
    }
}
