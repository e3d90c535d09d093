import Testing
import TraceModel
@testable import TraceQuery

@Suite struct PrinterTests {
    @Test func fields() {
        #expect(QueryPrinter.field(.intrinsic(.statusMessage)) == "status.message")
        #expect(QueryPrinter.field(.intrinsic(.traceDuration)) == "trace.duration")
        #expect(QueryPrinter.field(.attribute(.any, "http.status_code")) == "http.status_code")
        #expect(QueryPrinter.field(.attribute(.span, "http.status_code")) == "span.http.status_code")
        #expect(QueryPrinter.field(.attribute(.resource, "host.name")) == "resource.host.name")
        #expect(QueryPrinter.field(.attribute(.any, "duration")) == "`duration`")
        #expect(QueryPrinter.field(.attribute(.any, "span.x")) == "`span.x`")
        #expect(QueryPrinter.field(.attribute(.span, "name")) == "span.`name`")
        #expect(QueryPrinter.field(.attribute(.resource, "service.name")) == "resource.`service.name`")
        #expect(QueryPrinter.field(.attribute(.any, "odd key")) == "`odd key`")
        #expect(QueryPrinter.field(.attribute(.any, "in")) == "`in`")
        #expect(QueryPrinter.field(.attribute(.any, "a`b\\c")) == "`a\\`b\\\\c`")
        #expect(QueryPrinter.field(.attribute(.any, "trail.")) == "`trail.`")
    }

    @Test func values() {
        #expect(QueryPrinter.value(.string("a\"b\\c\nd\u{1}")) == #""a\"b\\c\nd\u{1}""#)
        #expect(QueryPrinter.value(.string("\u{301}x")) == #""\u{301}x""#)
        #expect(QueryPrinter.value(.integer(-7)) == "-7")
        #expect(QueryPrinter.value(.float(0.5)) == "0.5")
        #expect(QueryPrinter.value(.float(1e-7)) == "1e-07")
        #expect(QueryPrinter.value(.boolean(false)) == "false")
        #expect(QueryPrinter.value(.status(.error)) == "ERROR")
        #expect(QueryPrinter.value(.kind(.consumer)) == "CONSUMER")
        #expect(QueryPrinter.value(.spanID(SpanID(0xab))) == "\"00000000000000ab\"")
    }

    @Test func durations() {
        #expect(QueryPrinter.duration(.zero) == "0ns")
        #expect(QueryPrinter.duration(Nanoseconds(90_000_000_000)) == "1m30s")
        #expect(QueryPrinter.duration(Nanoseconds(1_500_000_000)) == "1s500ms")
        #expect(QueryPrinter.duration(Nanoseconds(-7_200_000_000_000)) == "-2h")
        #expect(QueryPrinter.duration(Nanoseconds(1_001)) == "1us1ns")
        #expect(QueryPrinter.duration(Nanoseconds(.max)) == "2562047h47m16s854ms775us807ns")
    }

    @Test func minimalParentheses() {
        #expect(canonical("(a = 1 OR b = 2) AND (c = 3 OR d = 4)") == "(a = 1 OR b = 2) AND (c = 3 OR d = 4)")
        #expect(canonical("(a = 1 AND b = 2) OR (c = 3 AND d = 4)") == "a = 1 AND b = 2 OR c = 3 AND d = 4")
        #expect(canonical("NOT (NOT a = 1)") == "NOT NOT a = 1")
        // AND and OR mixed between spansets or inside braces are always parenthesised: TraceQL
        // gives them one precedence, the primer's language does not.
        #expect(canonical("{a=1}||({b=1}&&{c=1})") == "{ a = 1 } || ({ b = 1 } && { c = 1 })")
        #expect(canonical("{a=1}&&{b=1}||{c=1}") == "({ a = 1 } && { b = 1 }) || { c = 1 }")
        #expect(canonical("({a=1}||{b=1})&&{c=1}") == "({ a = 1 } || { b = 1 }) && { c = 1 }")
        #expect(canonical("({a=1}||{b=1})>{c=1}") == "({ a = 1 } || { b = 1 }) > { c = 1 }")
    }

    /// parse -> print -> parse on random checked trees: printing never loses anything the parser
    /// reads back, for odd names, strings, numbers and every operator.
    @Test func randomTreesRoundTrip() throws {
        var gen = RandomQueries(seed: 0x5EED)
        for i in 0..<3_000 {
            let original = Query(text: "", root: gen.spanset(depth: 3))
            let text = original.description
            switch Query.result(text) {
            case .success(let back):
                #expect(back == original, "#\(i): \(text)\n   -> \(back)")
                #expect(back.description == text, "#\(i)")
            case .failure(let d):
                Issue.record("#\(i) does not parse:\n\(d.rendered(query: text))")
            }
        }
    }
}
