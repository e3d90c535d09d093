import Testing
import TraceModel
import TestSupport
@testable import TraceQuery

/// TraceQL's scoped intrinsics: `span:childCount` and `instrumentation:name|version` are
/// answered; any other `scope:name` is an error with the nearest name, never an attribute
/// lookup that silently matches nothing.
@Suite struct TraceQLIntrinsicTests {
    /// One trace: a root with three children, one of which has a child. The root was recorded
    /// by the okhttp instrumentation 4.2, the rest by the JDBC one.
    static let table: SpanTable = {
        var b = SpanTableBuilder()
        let resource = b.addResource(attributes: b.appendAttributes([KeyValue("service.name", .string("web"))]))
        let okhttp = b.addScope(InstrumentationScope(name: b.intern("io.opentelemetry.okhttp"), version: b.intern("4.2")))
        let jdbc = b.addScope(InstrumentationScope(name: b.intern("io.opentelemetry.jdbc"), version: b.intern("1.0")))
        let trace = TraceID(high: 1, low: 1)
        func span(_ id: UInt64, parent: UInt64, name: String, scope: UInt32) {
            b.append(Span(traceID: trace, spanID: SpanID(id), parentSpanID: SpanID(parent), name: b.intern(name),
                          kind: .internal, start: Timestamp(unixNanos: Int64(id) * 10), end: Timestamp(unixNanos: 1_000),
                          resource: resource, scope: scope))
        }
        span(1, parent: 0, name: "root", scope: okhttp)
        span(2, parent: 1, name: "a", scope: jdbc)
        span(3, parent: 1, name: "b", scope: jdbc)
        span(4, parent: 1, name: "c", scope: jdbc)
        span(5, parent: 2, name: "a1", scope: jdbc)
        return b.finish()
    }()

    func names(_ text: String) -> [String] { matched(text, in: Self.table) }

    @Test func childCountCountsTheSpansChildren() {
        #expect(names("{ span:childCount = 3 }") == ["root"])
        #expect(names("span:childCount > 0") == ["a", "root"])
        #expect(names("{ span:childCount = 0 }") == ["a1", "b", "c"])
        #expect(canonical("{ span:childCount >= 1 }") == "childcount >= 1")
    }

    @Test func instrumentationNameAndVersionAreTheSpansScope() {
        #expect(names("{ instrumentation:name = \"io.opentelemetry.okhttp\" }") == ["root"])
        #expect(names("{ instrumentation:name =~ \".*jdbc\" && instrumentation:version = \"1.0\" }") == ["a", "a1", "b", "c"])
        #expect(names("{ instrumentation:version != \"4.2\" }") == ["a", "a1", "b", "c"])
        #expect(names("{ instrumentation:name = \"nope\" }") == [])
    }

    @Test func anUnknownScopedIntrinsicIsAnErrorWithTheNearestName() throws {
        let d = try #require(diagnostic("{ span:chldCount > 1 }"))
        #expect(d.message == "unknown intrinsic `span:chldCount`")
        #expect(d.suggestion == "span:childCount")
        #expect(d.column == 2)
        for text in ["{ trace:rootServce = \"a\" }", "{ resource:foo = 1 }", "{ parent:name = \"x\" }", "link:bogus = 1"] {
            #expect(diagnostic(text)?.message.hasPrefix("unknown intrinsic") == true, "\(text)")
        }
    }

    @Test func namesWithAColonOutsideTheScopesAreStillAttributes() {
        // An attribute key may hold a colon (`db:table`); only TraceQL's scopes are intrinsics.
        #expect(parse("db:table = \"orders\"") != nil)
    }
}
