import Testing
import TraceModel
import TestSupport
@testable import TraceQuery

/// Trace-level fields, which every span of a trace shares, and the spanset operators.
@Suite struct TraceLevelAndStructureTests {
    // MARK: - Trace-level fields (QueryFixtures.primer)

    func traces(_ q: String) -> [String: [String]] {
        let table = QueryFixtures.primer
        var out: [String: [String]] = [:]
        for (index, names) in matchedNames(q, in: table) {
            let root = table.trace(at: index).nameOf(TraceSummary(table.trace(at: index)).rootIndex)
            out[root] = names.sorted()
        }
        return out
    }

    @Test func traceLevelFieldsReportEverySpanOfTheTrace() {
        #expect(traces("trace.duration > 5s") == ["POST /checkout": ["POST /checkout", "database.query"]])
        // Two traces share the root name POST /checkout: count them by index.
        #expect(matchedNames("trace.duration >= 4s", in: QueryFixtures.primer).count == 2)
        #expect(matchedNames("trace.service = \"checkout\"", in: QueryFixtures.primer).values.map(\.count).sorted() == [1, 2])
        #expect(traces("trace.name = \"GET /\"") == ["GET /": ["GET /", "database.query", "redis GET"]])
        #expect(traces("trace.spans = 4").keys.sorted() == ["GET /account"])
        #expect(traces("trace.errors >= 2").keys.sorted() == ["GET /"])
        #expect(traces("trace.services = 3").keys.sorted() == ["GET /"])
    }

    @Test func traceLevelAndSpanLevelTogether() {
        #expect(traces("trace.duration > 5s AND service = \"postgres\"") == ["POST /checkout": ["database.query"]])
        #expect(traces("trace.errors = 0 AND root").keys.sorted() == ["GET /account", "POST /checkout"])
    }

    // MARK: - Spansets (QueryFixtures.shop)

    func names(_ q: String) -> [String] { matched(q, in: QueryFixtures.shop) }

    @Test func descendant() {
        #expect(names("{ service = \"frontend\" } >> { status = error }") == ["database.query"])
        #expect(names("{ kind = server } >> { }") == ["api", "database.query", "redis GET", "render"])
        #expect(names("{ status = error } >> { }") == [])
        #expect(names("{ kind = client } >> { kind = server }") == [])
    }

    @Test func child() {
        #expect(names("{ name = \"api\" } > { status = error }") == ["database.query"])
        #expect(names("{ root } > { status = error }") == [])
        #expect(names("{ root } > { }") == ["api", "render"])
    }

    @Test func ancestorAndParent() {
        #expect(names("{ status = error } << { kind = server }") == ["GET /checkout"])
        #expect(names("{ status = error } << { }") == ["GET /checkout", "api"])
        #expect(names("{ status = error } < { }") == ["api"])
        #expect(names("{ root } < { }") == [])
    }

    @Test func sibling() {
        #expect(names("{ name = \"database.query\" } ~ { }") == ["redis GET"])
        #expect(names("{ } ~ { }") == ["api", "database.query", "redis GET", "render"])
        #expect(names("{ root } ~ { }") == [])
    }

    // TraceQL's negated forms report the B spans for which the relation does not hold (all of
    // them when no span matches A); the union forms report both sides of each related pair.

    // Braced queries are TraceQL: `&&` and `||` share one precedence and group left to right;
    // without braces the primer's AND binds tighter than OR.
    @Test func andAndOrGroupLeftToRightInBraces() {
        // (kind = server || status = ok) && service = "checkout": nothing.
        #expect(names("{ kind = server || status = ok && service = \"checkout\" }") == [])
        // kind = server || (status = ok AND service = "checkout"): the root.
        #expect(names("kind = server || status = ok && service = \"checkout\"") == ["GET /checkout"])
        #expect(names("{ kind = server || (status = ok && service = \"frontend\") }") == ["GET /checkout", "render"])
        #expect(names("{ status = error } || { status = ok } && { kind = client }") == ["api", "database.query", "render"])
        #expect(canonical("{ a = 1 || b = 2 && c = 3 } >> { }") == "{ (a = 1 OR b = 2) AND c = 3 } >> { }")
        #expect(canonical("{ a = 1 && b = 2 || c = 3 } >> { }") == "{ (a = 1 AND b = 2) OR c = 3 } >> { }")
    }

    @Test func negatedStructuralOperators() {
        #expect(names("{ service = \"frontend\" } !>> { status = error }") == [])
        #expect(names("{ service = \"payment\" } !>> { status = error }") == ["database.query"])
        #expect(names("{ name = \"api\" } !> { }") == ["GET /checkout", "api", "render"])
        #expect(names("{ status = error } !<< { kind = server }") == [])
        #expect(names("{ status = error } !<< { }") == ["database.query", "redis GET", "render"])
        #expect(names("{ } !< { }") == ["database.query", "redis GET", "render"])
        #expect(names("{ name = \"render\" } !~ { }") == ["GET /checkout", "database.query", "redis GET", "render"])
    }

    @Test func unionStructuralOperators() {
        #expect(names("{ name = \"api\" } &> { status = error }") == ["api", "database.query"])
        #expect(names("{ kind = server } &>> { status = error }") == ["GET /checkout", "database.query"])
        #expect(names("{ status = error } &<< { kind = server }") == ["GET /checkout", "database.query"])
        #expect(names("{ name = \"database.query\" } &< { }") == ["api", "database.query"])
        #expect(names("{ name = \"redis GET\" } &~ { }") == ["database.query", "redis GET"])
        #expect(names("{ kind = producer } &>> { }") == [])
    }

    @Test func bangTildeIsTheRegexAfterAFieldAndNotSiblingBetweenSpansets() {
        #expect(names("name !~ \"GET.*\"") == ["api", "database.query", "redis GET", "render"])
        #expect(names("{ name !~ \"GET.*\" } !~ { name = \"render\" }") == [])   // api is its sibling
        #expect(names("{ name !~ \"GET.*\" } !~ { name = \"GET /checkout\" }") == ["GET /checkout"])
        #expect(canonical("{ a = 1 } !>> { b = 2 }") == "{ a = 1 } !>> { b = 2 }")
        #expect(canonical("{a=1}&~{b=2}") == "{ a = 1 } &~ { b = 2 }")
    }

    @Test func andOrBetweenSpansets() {
        #expect(names("{ status = error } && { status = ok }") == ["database.query", "render"])
        #expect(names("{ status = error } && { kind = producer }") == [])
        #expect(names("{ status = error } || { kind = producer }") == ["database.query"])
        #expect(names("{ kind = producer } || { kind = consumer }") == [])
        #expect(names("{ status = error } && { status = error }") == ["database.query"])
    }

    @Test func chainsAndCombinations() {
        #expect(names("{ kind = server } >> { kind = client } >> { status = error }") == ["database.query"])
        #expect(names("{ kind = server } >> { status = error } && { name = \"render\" }") == ["database.query", "render"])
        #expect(names("{ kind = server } >> ({ kind = client } > { status = error })") == ["database.query"])
    }

    @Test func orphansHaveNoAncestors() {
        var f = TraceFixture()
        f.span("root", start: 0, end: 10, kind: .server)
        f.span("child", parent: "root", start: 1, end: 5)
        f.span("orphan", parent: "missing", start: 2, end: 3, status: .error)
        let t = f.build()
        #expect(matched("{ root } >> { }", in: t) == ["child"])
        #expect(matched("{ } >> { status = error }", in: t) == [])
        #expect(matched("depth = 0", in: t) == ["orphan", "root"])
        #expect(matched("root", in: t) == ["root"])
    }

    @Test func matchesAcrossSeveralTraces() {
        var f = TraceFixture(trace: "one")
        f.span("a1", service: "a", start: 0, end: 10)
        f.span("b1", parent: "a1", service: "b", start: 1, end: 2, status: .error)
        f.inTrace("two")
        f.span("a2", service: "a", start: 0, end: 10)
        f.span("c2", parent: "a2", service: "c", start: 1, end: 2, status: .error)
        let t = f.build()
        let result = matchedNames("{ service = \"a\" } > { status = error } && { service = \"b\" }", in: t)
        #expect(Array(result.values) == [["b1"]])
        #expect(matchedNames("{ service = \"a\" } > { status = error }", in: t).count == 2)
    }
}
