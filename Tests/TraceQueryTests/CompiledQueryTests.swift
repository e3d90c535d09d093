import Testing
import TraceModel
import TestSupport
@testable import TraceQuery

@Suite struct CompiledQueryTests {
    @Test func literalsAbsentFromTheTableFoldToNoMatch() throws {
        let table = QueryFixtures.shop
        #expect(CompiledQuery(try Query.parse("name = \"nope\""), table: table).canMatch == false)
        #expect(CompiledQuery(try Query.parse("nokey = 1"), table: table).canMatch == false)
        #expect(CompiledQuery(try Query.parse("service = \"nope\" AND duration > 1ms"), table: table).canMatch == false)
        #expect(CompiledQuery(try Query.parse("name = \"nope\" OR duration > 1ms"), table: table).canMatch)
        #expect(CompiledQuery(try Query.parse("NOT name = \"nope\""), table: table).canMatch)
        #expect(CompiledQuery(try Query.parse("{ name = \"nope\" } >> { }"), table: table).canMatch == false)
        #expect(CompiledQuery(try Query.parse("{ name = \"nope\" } || { }"), table: table).canMatch)
    }

    @Test func matchesByTraceAndByIndex() throws {
        let table = QueryFixtures.primer
        let q = CompiledQuery(try Query.parse("status = error"), table: table)
        let broken = QueryFixtures.traceIndex("broken", in: table)
        let trace = table.trace(at: broken)
        #expect(q.matches(trace: trace).map { trace.nameOf(Int($0)) } == ["database.query", "redis GET"])
        #expect(q.matches(traceAt: broken) == q.matches(trace: trace))
        #expect(q.matches(traceAt: QueryFixtures.traceIndex("slow", in: table)) == [])
    }

    @Test func engineRunsOnAllOrSomeTraces() throws {
        let table = QueryFixtures.primer
        let q = try Query.parse("root")
        #expect(QueryEngine.run(q, on: table).map(\.traceIndex) == Array(table.traces.indices))
        #expect(QueryEngine.run(q, on: table, traces: [3, 1, 99, -1]).map(\.traceIndex) == [3, 1])
        #expect(QueryEngine.run(q, on: table, traces: []).isEmpty)
        for m in QueryEngine.run(q, on: table) {
            #expect(m.matchedSpans == [Int32(TraceSummary(table.trace(at: m.traceIndex)).rootIndex)])
        }
        #expect(QueryEngine.run(q, on: .empty).isEmpty)
    }

    @Test func matchedSpansAreSortedAndUnique() throws {
        let table = QueryFixtures.shop
        let q = try Query.parse("{ status = error } || { } && { status = error }")
        let m = try #require(QueryEngine.run(q, on: table).first)
        #expect(m.matchedSpans == Array(0..<5))
    }

    @Test func stringPredicatesRunOncePerDistinctString() {
        final class Counter: @unchecked Sendable { var calls = 0 }
        let counter = Counter()
        let table = QueryFixtures.shop
        let cache = StringPredicateCache(table: table) { text in
            counter.calls += 1
            return text.hasPrefix("r")
        }
        let names = table.spans.map(\.name)
        for _ in 0..<10 { for n in names { _ = cache(n) } }
        #expect(counter.calls == Set(names).count)
        #expect(names.map { cache($0) } == names.map { table.strings[$0].hasPrefix("r") })
    }

    @Test func numericStringsParseOncePerString() {
        var f = TraceFixture()
        f.span("a", start: 0, end: 1, attributes: ["n": .string("42"), "d": .string("-0.5"), "s": .string("4x2"),
                                                   "e": .string("1e3"), "nan": .string("nan")])
        let table = f.build()
        let cache = NumericStringCache(table: table)
        func number(_ s: String) -> NumericValue? { table.strings.lookup(s).flatMap { cache.number($0) } }
        #expect(number("42") == .integer(42))
        #expect(number("42") == .integer(42))
        #expect(number("-0.5") == .double(-0.5))
        #expect(number("1e3") == .double(1000))
        #expect(number("4x2") == nil)
        #expect(number("nan") == nil)
        #expect(NumericValue(parsing: " 1") == nil)
        #expect(NumericValue(parsing: "") == nil)
        #expect(NumericValue.integer(2).compare(.double(2.5)) == -1)
        #expect(NumericValue.double(.nan).compare(.integer(1)) == nil)
    }

    @Test func perTraceStructuresOnlyWhenNeeded() throws {
        #expect(TraceNeeds(try Query.parse("duration > 1s").root) == [])
        #expect(TraceNeeds(try Query.parse("depth > 1").root) == [.tree])
        #expect(TraceNeeds(try Query.parse("selftime > 1s").root) == [.tree, .selfTimes])
        #expect(TraceNeeds(try Query.parse("trace.errors > 1 OR a").root) == [.summary])
        #expect(TraceNeeds(try Query.parse("{ a } >> { b }").root) == [.tree])
        #expect(TraceNeeds(try Query.parse("{ a } && { NOT trace.spans = 1 }").root) == [.summary])
    }

    @Test func handBuiltTreesWithBadPatternsMatchNothing() {
        let r = SourceRange.at(0)
        let bad = Comparison(field: FieldReference(.intrinsic(.name), spelling: "name", range: r), op: .matches,
                             value: QueryLiteral(.string("["), range: r), range: r)
        let q = Query(text: "", root: SpansetExpression(.filter(SpanPredicate(.comparison(bad), range: r)), range: r))
        #expect(QueryEngine.run(q, on: QueryFixtures.shop).isEmpty)
    }
}
