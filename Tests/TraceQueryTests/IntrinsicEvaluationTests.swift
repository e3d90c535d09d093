import Testing
import TraceModel
import TestSupport
@testable import TraceQuery

/// Intrinsic span fields on the drawn `QueryFixtures.shop` trace.
@Suite struct IntrinsicEvaluationTests {
    let table = QueryFixtures.shop

    func names(_ q: String) -> [String] { matched(q, in: table) }

    @Test func durationEveryOperator() {
        #expect(names("duration > 8ms") == ["GET /checkout", "api"])
        #expect(names("duration >= 8ms") == ["GET /checkout", "api", "database.query"])
        #expect(names("duration < 7ms") == ["redis GET"])
        #expect(names("duration <= 7ms") == ["redis GET", "render"])
        #expect(names("duration = 18ms") == ["api"])
        #expect(names("duration != 18ms") == ["GET /checkout", "database.query", "redis GET", "render"])
        #expect(names("duration > 1h") == [])
        #expect(names("duration >= 0ns") == ["GET /checkout", "api", "database.query", "redis GET", "render"])
    }

    @Test func name() {
        #expect(names("name = \"api\"") == ["api"])
        #expect(names("span.name = \"api\"") == ["api"])
        #expect(names("name != \"api\"") == ["GET /checkout", "database.query", "redis GET", "render"])
        #expect(names("name = \"nope\"") == [])
        #expect(names("name != \"nope\"").count == 5)
        #expect(names("name =~ \"r.*\"") == ["redis GET", "render"])
        #expect(names("name =~ \"r\"") == [])                    // whole-string match
        #expect(names("name !~ \"r.*\"") == ["GET /checkout", "api", "database.query"])
        #expect(names("name contains \"GET\"") == ["GET /checkout", "redis GET"])
        #expect(names("name contains \"\"").count == 5)
        #expect(names("name < \"b\"") == ["GET /checkout", "api"])   // byte order: upper case first
        #expect(names("name >= \"redis GET\"") == ["redis GET", "render"])
        #expect(names("name =~ \"(?i)get.*\"") == ["GET /checkout"])
    }

    @Test func service() {
        #expect(names("service = \"frontend\"") == ["GET /checkout", "render"])
        #expect(names("service.name = \"frontend\"") == ["GET /checkout", "render"])
        #expect(names("resource.service.name = \"postgres\"") == ["database.query"])
        #expect(names("service != \"frontend\"") == ["api", "database.query", "redis GET"])
        #expect(names("service =~ \"post.*|redis\"") == ["database.query", "redis GET"])
        #expect(names("service in (\"redis\", \"checkout\")") == ["api", "redis GET"])
        #expect(names("service = \"nowhere\"") == [])
    }

    @Test func statusAndKind() {
        #expect(names("status = error") == ["database.query"])
        #expect(names("status = ERROR") == ["database.query"])
        #expect(names("status = ok") == ["render"])
        #expect(names("status = unset") == ["GET /checkout", "api", "redis GET"])
        #expect(names("status != unset") == ["database.query", "render"])
        #expect(names("kind = server") == ["GET /checkout"])
        #expect(names("kind = Client") == ["api"])
        #expect(names("kind != internal") == ["GET /checkout", "api"])
        #expect(names("kind in (server, client)") == ["GET /checkout", "api"])
        #expect(names("kind = producer") == [])
    }

    @Test func rootDepthSelfTime() {
        #expect(names("root") == ["GET /checkout"])
        #expect(names("root = false").count == 4)
        #expect(names("NOT root").count == 4)
        #expect(names("depth = 0") == ["GET /checkout"])
        #expect(names("depth = 1") == ["api", "render"])
        #expect(names("depth >= 2") == ["database.query", "redis GET"])
        #expect(names("depth > 1.5") == ["database.query", "redis GET"])
        // api [2,20): children db [3,11) and cache [11,14) leave 18 - 11 = 7 ms.
        #expect(names("selftime = 7ms") == ["api", "render"])
        // root [0,30): children api [2,20) and render [22,29) leave 30 - 25 = 5 ms.
        #expect(names("selftime = 5ms") == ["GET /checkout"])
        #expect(diagnostic("selftime = duration")?.message.contains("expected a duration") == true)
    }

    @Test func ids() throws {
        let trace = table.trace(at: 0)
        let db = trace[trace.local("db")]
        #expect(names("spanid = \"\(db.spanID.hex)\"") == ["database.query"])
        #expect(names("parentid = \"\(db.parentSpanID.hex)\"") == ["database.query", "redis GET"])
        #expect(names("traceid = \"\(db.traceID.hex)\"").count == 5)
        #expect(names("traceid != \"\(db.traceID.hex)\"") == [])
        #expect(names("parentid = \"0\"") == ["GET /checkout"])
        #expect(names("spanid = \"0123\"") == [])
    }

    @Test func traceIDsAsPeopleWriteThem() {
        var f = TraceFixture(trace: "t")
        f.span("short", start: 0, end: 1)
        f.span("named", start: 0, end: 1)
        let shortID = TraceID(high: 0, low: 0xce04_7bfb_1234_5678)     // a 64-bit id
        let namedID = StableHash.traceID(for: "trace-123")             // written "trace-123"
        let built = f.build()
        var builder = SpanTableBuilder()
        for var span in built.spans {
            span.traceID = built.strings[span.name] == "short" ? shortID : namedID
            builder.copy(span, from: built)
        }
        builder.writtenTraceIDs[namedID] = "trace-123"
        let ids = builder.finish()
        #expect(matched("traceid = \"ce047bfb\"", in: ids) == ["short"])
        #expect(matched("traceid = \"ce047bfb12345678\"", in: ids) == ["short"])
        #expect(matched("traceid = \"0000000000000000ce047bfb12345678\"", in: ids) == ["short"])
        #expect(matched("traceid != \"ce04\"", in: ids) == ["named"])
        #expect(matched("traceid = \"trace-123\"", in: ids) == ["named"])
        #expect(matched("traceid = \"trace\"", in: ids) == ["named"])
        #expect(matched("traceid = \"e047\"", in: ids) == [])
    }

    @Test func statusMessage() {
        var f = TraceFixture()
        f.span("a", start: 0, end: 1, status: .error, statusMessage: "upstream timeout")
        f.span("b", start: 0, end: 1, status: .error, statusMessage: "refused")
        f.span("c", start: 0, end: 1)
        let t = f.build()
        #expect(matched("status.message contains \"timeout\"", in: t) == ["a"])
        #expect(matched("status.message = \"\"", in: t) == ["c"])
        #expect(matched("status.message != \"\"", in: t) == ["a", "b"])
    }

    @Test func booleanStructure() {
        #expect(names("service = \"frontend\" AND status = ok") == ["render"])
        #expect(names("service = \"frontend\" OR status = error") == ["GET /checkout", "database.query", "render"])
        #expect(names("NOT service = \"frontend\"") == ["api", "database.query", "redis GET"])
        #expect(names("NOT (kind = server OR kind = client)") == ["database.query", "redis GET", "render"])
        #expect(names("true").count == 5)
        #expect(names("false") == [])
        #expect(names("{ }").count == 5)
        #expect(names("duration > 1ms AND (name = \"api\" OR name = \"render\") AND NOT status = ok") == ["api"])
    }
}
