import Testing
import TraceModel
import TestSupport
@testable import TraceQuery

/// TraceQL's meanings in braces, each pinned with a small trace: the `event.`, `link.`,
/// `instrumentation.` and `parent.` scopes, the event and link intrinsics, arrays, and strict
/// typing of attributes.
@Suite struct TraceQLScopeTests {
    /// One trace. `checkout` (root, scope "web" with attribute `lib.tier = "edge"`) has two
    /// children: `charge` (an `exception` event 5ms in, with `exception.type = "Timeout"`; a link
    /// to span 0xabc of trace 0x77) and `cache` (tags `["a", "b"]`, codes `[200, 503]`, `size`
    /// the string "5", `retries` the integer 5, `hit` true). `charge` has a child `db`.
    static let table: SpanTable = {
        var b = SpanTableBuilder()
        let resource = b.addResource(attributes: b.appendAttributes([KeyValue("service.name", .string("shop"))]))
        let web = b.addScope(InstrumentationScope(name: b.intern("web"), version: b.intern("1"),
                                                  attributes: b.appendAttributes([KeyValue("lib.tier", .string("edge"))])))
        let plain = b.addScope(InstrumentationScope(name: b.intern("plain")))
        let trace = TraceID(high: 0, low: 1)
        func span(_ id: UInt64, parent: UInt64, _ name: String, scope: UInt32, attributes: [KeyValue] = [],
                  events: ElementRange = .empty, links: ElementRange = .empty) {
            let attrs = b.appendAttributes(attributes)
            b.append(Span(traceID: trace, spanID: SpanID(id), parentSpanID: SpanID(parent), name: b.intern(name),
                          start: Timestamp(unixNanos: 1_000_000_000 + Int64(id)), end: Timestamp(unixNanos: 2_000_000_000),
                          resource: resource, scope: scope, attributes: attrs, events: events, links: links))
        }
        span(1, parent: 0, "checkout", scope: web, attributes: [KeyValue("http.method", .string("POST"))])
        let eventMark = b.eventMark
        let eventAttributes = b.appendAttributes([KeyValue("exception.type", .string("Timeout"))])
        b.append(SpanEvent(time: Timestamp(unixNanos: 1_005_000_002), name: b.intern("exception"), attributes: eventAttributes))
        let events = b.events(since: eventMark)
        let linkMark = b.linkMark
        b.append(SpanLink(traceID: TraceID(high: 0, low: 0x77), spanID: SpanID(0xabc),
                          attributes: b.appendAttributes([KeyValue("link.kind", .string("retry"))])))
        span(2, parent: 1, "charge", scope: plain, events: events, links: b.links(since: linkMark))
        span(3, parent: 1, "cache", scope: plain, attributes: [
            KeyValue("tags", .array([.string("a"), .string("b")])),
            KeyValue("codes", .array([.int(200), .int(503)])),
            KeyValue("size", .string("5")),
            KeyValue("retries", .int(5)),
            KeyValue("hit", .bool(true)),
        ])
        span(4, parent: 2, "db", scope: plain)
        return b.finish()
    }()

    func names(_ text: String) -> [String] { matched(text, in: Self.table) }

    @Test func eventScopeAndIntrinsicsReadTheSpansEvents() {
        #expect(names(#"{ event.exception.type = "Timeout" }"#) == ["charge"])
        #expect(names(#"{ event:name = "exception" }"#) == ["charge"])
        #expect(names(#"{ event:name = "nope" }"#) == [])
        #expect(names("{ event:timeSinceStart > 4ms && event:timeSinceStart < 6ms }") == ["charge"])
        #expect(names("{ event:timeSinceStart > 6ms }") == [])
        // Without braces `event.exception.type` is an attribute key of the span: none has it.
        #expect(names(#"event.exception.type = "Timeout""#) == [])
    }

    @Test func anEventOrLinkFieldIsNilOnASpanWithoutOne() {
        #expect(names("{ link:traceID != nil }") == ["charge"])
        #expect(names("{ event:name != nil }") == ["charge"])
        #expect(names("{ event:name = nil }") == ["cache", "checkout", "db"])
        #expect(canonical("{ link:spanID = nil }") == "NOT link:spanID != nil")
    }

    @Test func linkScopeAndIntrinsicsReadTheSpansLinks() {
        #expect(names(#"{ link.link.kind = "retry" }"#) == ["charge"])
        #expect(names(#"{ link:traceID = "00000000000000000000000000000077" }"#) == ["charge"])
        #expect(names(#"{ link:spanID = "0000000000000abc" }"#) == ["charge"])
        #expect(names(#"{ link:spanID = "0000000000000abd" }"#) == [])
    }

    @Test func instrumentationScopeReadsTheScopesAttributes() {
        #expect(names(#"{ instrumentation.lib.tier = "edge" }"#) == ["checkout"])
        #expect(names(#"{ instrumentation.lib.tier != nil }"#) == ["checkout"])
    }

    @Test func parentScopeReadsTheParentSpan() {
        #expect(names(#"{ parent.http.method = "POST" }"#) == ["cache", "charge"])
        #expect(names(#"{ parent.span.http.method = "POST" }"#) == ["cache", "charge"])
        #expect(names(#"{ parent.resource.service.name = "shop" }"#) == ["cache", "charge", "db"])
        #expect(names(#"{ parent.http.method != nil }"#) == ["cache", "charge"])
    }

    @Test func arraysMatchWhenAnElementDoesAndNegationsWhenNoneDoes() {
        #expect(names(#"{ .tags = "b" }"#) == ["cache"])
        #expect(names(#"{ .tags =~ "a|z" }"#) == ["cache"])
        #expect(names(#"{ .tags != "b" }"#) == [])
        #expect(names(#"{ .tags != "z" }"#) == ["cache"])
        #expect(names(#"{ .tags !~ "[ab]" }"#) == [])
        #expect(names("{ .codes >= 500 }") == ["cache"])
        #expect(names("{ .codes > 600 }") == [])
        // The primer's form reads arrays the same way.
        #expect(names(#"tags = "a""#) == ["cache"])
    }

    @Test func typeMismatchesCompareFalseInBraces() {
        // `size` is the string "5", `retries` the integer 5.
        #expect(names("{ .size = 5 }") == [])
        #expect(names("{ .size != 5 }") == [])
        #expect(names(#"{ .size = "5" }"#) == ["cache"])
        #expect(names(#"{ .retries = "5" }"#) == [])
        #expect(names(#"{ .retries != "6" }"#) == [])
        #expect(names("{ .retries != 6 }") == ["cache"])
        #expect(names(#"{ .hit != "x" }"#) == [])
        #expect(names(#"{ .retries =~ "5" }"#) == [])
        // Unbraced, the primer's language reads numbers in strings as numbers.
        #expect(names("size = 5") == ["cache"])
        #expect(names("retries = \"5\"") == ["cache"])
    }

    @Test func aBareAttributeIsABooleanTestAndNilIsAbsence() {
        #expect(names("{ .hit }") == ["cache"])
        #expect(names("{ .retries }") == [])
        #expect(names("{ .hit = nil }") == ["charge", "checkout", "db"])
        #expect(names("{ .hit != nil }") == ["cache"])
    }

    @Test func traceQLOnlyMeaningsPrintInBracesSoTheyReadBackTheSame() throws {
        for text in [#"{ .size = 5 }"#, #"{ event.a = "x" }"#, "{ parent.span.b != nil }", "{ .hit }"] {
            let q = try #require(parse(text))
            let back = try #require(parse(q.description), "\(q.description)")
            #expect(back == q, "\(text) -> \(q.description)")
        }
        #expect(canonical("{ .size = 5 }") == "{ size = 5 }")
        #expect(canonical("{ duration > 1s }") == "duration > 1s")
    }

    /// A partial trace: its spans' parents were never received.
    static let rootless: SpanTable = {
        var b = SpanTableBuilder()
        let resource = b.addResource(attributes: b.appendAttributes([KeyValue("service.name", .string("late"))]))
        b.append(Span(traceID: TraceID(high: 0, low: 2), spanID: SpanID(7), parentSpanID: SpanID(6), name: b.intern("orphan"),
                      start: Timestamp(unixNanos: 1), end: Timestamp(unixNanos: 2), resource: resource))
        return b.finish()
    }()

    @Test func aTraceWithoutARootHasAnEmptyRootServiceInTraceQL() {
        #expect(matched(#"{ trace:rootService = "" }"#, in: Self.rootless) == ["orphan"])
        #expect(matched(#"{ trace:rootName = "" && rootServiceName != "late" }"#, in: Self.rootless) == ["orphan"])
        // The primer's trace.service is the trace list's root: the earliest span when none is one.
        #expect(matched(#"trace.service = "late""#, in: Self.rootless) == ["orphan"])
        #expect(matched(#"{ trace:rootService = "web" }"#, in: Self.table) == [])
        #expect(matched(#"{ trace:rootService = "shop" }"#, in: Self.table).count == 4)
        #expect(canonical(#"{ trace:rootService = "" }"#) == #"{ trace.service = "" }"#)
    }

    @Test func theNewScopesNeedBracesAndAQuotedNameTakesThem() {
        #expect(names(#"{ event."exception.type" = "Timeout" }"#) == ["charge"])
        #expect(diagnostic("event.`a` = 1")?.message.contains("unknown scope `event.`") == true)
    }
}
