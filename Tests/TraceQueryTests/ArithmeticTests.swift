import Testing
import TraceModel
import TestSupport
@testable import TraceQuery

/// TraceQL's arithmetic and field-to-field comparisons in braces, on one small trace.
@Suite struct ArithmeticTests {
    /// `upload` (bytes 3 MiB, limit 2 MiB, retries 2, redirects 2, 40ms), `small` (bytes 512,
    /// limit 1024, retries 0, 5ms, ratio 0.25) and `odd` (bytes the string "9", 1s).
    static let table: SpanTable = {
        var b = SpanTableBuilder()
        let resource = b.addResource(attributes: b.appendAttributes([KeyValue("service.name", .string("api"))]))
        let trace = TraceID(high: 0, low: 9)
        func span(_ id: UInt64, _ name: String, ms: Int64, _ attributes: [KeyValue]) {
            b.append(Span(traceID: trace, spanID: SpanID(id), parentSpanID: SpanID(id == 1 ? 0 : 1), name: b.intern(name),
                          start: Timestamp(unixNanos: 1_000_000_000), end: Timestamp(unixNanos: 1_000_000_000 + ms * 1_000_000),
                          resource: resource, attributes: b.appendAttributes(attributes)))
        }
        span(1, "upload", ms: 40, [KeyValue("bytes", .int(3 << 20)), KeyValue("limit", .int(2 << 20)),
                                   KeyValue("retries", .int(2)), KeyValue("redirects", .int(2))])
        span(2, "small", ms: 5, [KeyValue("bytes", .int(512)), KeyValue("limit", .int(1024)), KeyValue("retries", .int(0)),
                                 KeyValue("ratio", .double(0.25))])
        span(3, "odd", ms: 1_000, [KeyValue("bytes", .string("9"))])
        return b.finish()
    }()

    func names(_ text: String) -> [String] { matched(text, in: Self.table) }

    @Test func arithmeticOnAttributes() {
        #expect(names("{ .bytes > 2 * 1024 * 1024 }") == ["upload"])
        #expect(names("{ .bytes / 1024 > 512 }") == ["upload"])
        // Integers divide as integers, as in Tempo; a float makes it real division.
        #expect(names("{ .bytes / 1024 = 0 }") == ["small"])
        #expect(names("{ .bytes / 1024.0 = 0.5 }") == ["small"])
        #expect(names("{ .retries + .redirects > 3 }") == ["upload"])
        #expect(names("{ .limit - .bytes > 0 }") == ["small"])
        #expect(names("{ .bytes % 500 = 12 }") == ["small"])
        #expect(names("{ 2 ^ 10 = .limit }") == ["small"])
        #expect(names("{ -.retries < -1 }") == ["upload"])
        #expect(names("{ .ratio * 4 = 1 }") == ["small"])
        // A string is not a number in arithmetic: `odd` has the string "9".
        #expect(names("{ .bytes * 1 = 9 }") == [])
    }

    @Test func fieldToFieldComparisons() {
        #expect(names("{ .bytes > .limit }") == ["upload"])
        #expect(names("{ .bytes < .limit }") == ["small"])
        #expect(names("{ .retries = .redirects }") == ["upload"])
        #expect(names("{ span.retries != span.redirects }") == [])
        #expect(names("{ .limit >= .bytes * 2 }") == ["small"])
    }

    @Test func durationsComputeWithDurationsAndNumbers() {
        #expect(names("{ duration - 30ms > 5ms }") == ["odd", "upload"])
        #expect(names("{ duration * 2 > 1s }") == ["odd"])
        #expect(names("{ duration / 5ms = 8 }") == ["upload"])
        #expect(names("{ 10ms < duration }") == ["odd", "upload"])
        #expect(names("{ 100ms > duration / 2 }") == ["small", "upload"])
    }

    @Test func precedenceAndGrouping() {
        #expect(names("{ (.retries + .redirects) * 2 = 8 }") == ["upload"])
        #expect(names("{ .retries + .redirects * 2 = 6 }") == ["upload"])
        #expect(names("{ 2 ^ 3 ^ 2 = 512 && name = \"upload\" }") == ["upload"])
        #expect(canonical("{ (.a + .b) * 2 > 1 }") == "(.a + .b) * 2 > 1")
        #expect(canonical("{ .a - (.b - .c) > 1 }") == ".a - (.b - .c) > 1")
        #expect(canonical("{ (.a - .b) - .c > 1 }") == ".a - .b - .c > 1")
        #expect(canonical("{ .a -3 > 1 }") == ".a - 3 > 1")
        #expect(canonical("{ .a - -3 > 1 }") == ".a - -3 > 1")
        #expect(canonical("{ event.a * 2 > 1 }") == "{ event.a * 2 > 1 }")
        #expect(canonical("{ - 3 < .a }") == "{ a > -3 }")
        #expect(canonical("{ (duration) > 1s }") == "duration > 1s")
        #expect(canonical("{ 1s < duration }") == "duration > 1s")
    }

    @Test func printedQueriesReadBackTheSame() throws {
        for text in ["{ .a - 3 = 500 }", "{ .a -3 = 500 }", "{ -(.a + 1) > 2 }", "{ .a ^ -2 > 0 }", "{ (-2) ^ .a > 0 }",
                     "{ .a = .b && .c / 2 > 1 }", "{ .x * 2 > 1 } >> { .y = .z }", "{ span.a + resource.b > 1 }"] {
            let q = try #require(parse(text), "\(text)")
            let back = try #require(parse(q.description), "\(q.description)")
            #expect(back == q, "\(text) -> \(q.description)")
        }
    }

    @Test func typeErrorsAreCaught() throws {
        let strings = try #require(diagnostic("{ name + 1 > 2 }"))
        #expect(strings.message.contains("computes on numbers and durations, not on a string"))
        #expect(strings.range == SourceRange(2, 6))
        let mixed = try #require(diagnostic("{ duration > .a + 1s * 2 && name > 1 + 1 }"))
        #expect(mixed.message.contains("compares a string with a number"), "\(mixed.message)")
        // A duration is a number of nanoseconds, as in Tempo.
        #expect(parse("{ duration > 1s * 2s }") != nil)
        #expect(names("{ 1 * 1ms < duration }") == ["odd", "small", "upload"])
        #expect(diagnostic("{ .a =~ .b }")?.message.contains("quoted pattern") == true)
        #expect(diagnostic("{ .a + 1 =~ \"(x\" }")?.message.contains("invalid regular expression") == true)
        #expect(diagnostic("{ (.a + .b) }")?.message.contains("not a condition on its own") == true)
        #expect(diagnostic("{ .a + }") != nil)
        #expect(diagnostic("1 = 1")?.message.contains("starts with a field") == true)
        // In braces literals compare with literals, as in TraceQL.
        #expect(names("{ 1 < 2 }") == ["odd", "small", "upload"])
        #expect(names("{ \"test\" =~ \"t.*\" && 1 < 1h }") == ["odd", "small", "upload"])
        #expect(names("{ 2 = 1 }") == [])
        #expect(names("{ name =~ \"up.*\" }") == ["upload"])
        #expect(diagnostic("{ event:name + 1 > 2 }")?.message.contains("compares with a literal only") == true)
    }
}
