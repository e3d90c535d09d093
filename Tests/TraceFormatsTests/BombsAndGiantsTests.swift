import Testing
import TestSupport
import TraceModel
@testable import TraceFormats

/// Inputs built to exhaust memory or the stack: a gzip bomb, very deep nesting, a huge string,
/// a span with very many attributes and a file of nothing but newlines. Each gives a clear
/// message naming the file, or loads, and never crashes.
@Suite struct BombsAndGiantsTests {
    static let span = #"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"01","spanId":"01","name":"a"}]}]}]}"#

    @Test func aGzipBombStopsAtTheLimitWithAnErrorNamingTheFile() {
        // 8 MiB of spaces compress to about 8 KiB; the limit is 1 MiB.
        let bomb = Gzip.compress([UInt8](repeating: 0x20, count: 8 << 20))
        #expect(bomb.count < 64 << 10)
        var b = SpanTableBuilder()
        do {
            _ = try TraceDecoder.decode(bomb, source: "bomb.json.gz", into: &b, limits: DecodeLimits(maxInflatedBytes: 1 << 20))
            Issue.record("a gzip bomb past the limit decoded")
        } catch {
            guard case .inflatesTooLarge(let source, let limit) = error else {
                Issue.record("expected inflatesTooLarge, got \(error)")
                return
            }
            #expect(source == "bomb.json.gz")
            #expect(limit == 1 << 20)
            #expect(error.description.hasPrefix("bomb.json.gz: the gzip data inflates to more than 1 MiB"))
            #expect(error.description.contains("TREX_MAX_INFLATED"))
        }
    }

    @Test func gzipJustUnderTheLimitLoads() throws {
        let text = Array((Self.span + "\n").utf8)
        var b = SpanTableBuilder()
        let exact = DecodeLimits(maxInflatedBytes: text.count)
        let report = try TraceDecoder.decode(Gzip.compress(text), source: "ok.gz", into: &b, limits: exact)
        #expect(report.spansDecoded == 1)
        var c = SpanTableBuilder()
        let oneShort = DecodeLimits(maxInflatedBytes: text.count - 1)
        #expect(throws: DecodeFailure.self) { try TraceDecoder.decode(Gzip.compress(text), source: "ok.gz", into: &c, limits: oneShort) }
    }

    @Test func theStandardLimitIsAQuarterOfPhysicalMemoryOrTheEnvironmentsSize() {
        #expect(DecodeLimits.defaultMaxInflatedBytes >= 1 << 26)
        #expect(DecodeLimits.parseByteCount("512M") == 512 << 20)
        #expect(DecodeLimits.parseByteCount(" 8g ") == 8 << 30)
        #expect(DecodeLimits.parseByteCount("1234") == 1234)
        #expect(DecodeLimits.parseByteCount("1T") == 1 << 40)
        #expect(DecodeLimits.parseByteCount("") == nil)
        #expect(DecodeLimits.parseByteCount("-5") == nil)
        #expect(DecodeLimits.parseByteCount("12X") == nil)
        #expect(DecodeLimits.parseByteCount("99999999999999999999G") == nil)
        #expect(DecodeLimits.parseByteCount("9999999999999999G") == nil)
    }

    @Test func jsonNested100000LevelsDeepIsAClearErrorNotAStackOverflow() throws {
        let n = 100_000
        // Plain arrays at the top level.
        let arrays = Array((String(repeating: "[", count: n) + String(repeating: "]", count: n)).utf8)
        let arraysFailed = Decode.failure(arrays) != nil
        #expect(arraysFailed)
        // Inside an OTLP attribute value, then a good span on the next line.
        let deep = String(repeating: #"{"arrayValue":{"values":["#, count: n) + String(repeating: "]}}", count: n)
        let otlp = #"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"01","spanId":"02","attributes":[{"key":"k","value":\#(deep)}]}]}]}]}"#
            + "\n" + Self.span + "\n"
        let (t, report) = try Decode.table(otlp, source: "deep.jsonl")
        #expect(t.spans.count == 1)
        let warning = try #require(report.warnings.first { $0.message.contains("nesting deeper than") })
        #expect(warning.source == "deep.jsonl")
        #expect(warning.line == 1)
        #expect(warning.byteOffset != nil)
        // Inside a Jaeger tag value.
        let jaeger = #"{"data":[{"traceID":"01","spans":[{"traceID":"01","spanID":"01","operationName":"x","tags":[{"key":"k","type":"string","value":"# + String(repeating: "[", count: n) + String(repeating: "]", count: n) + "}]}]}]}"
        let (jt, jreport) = try Decode.table(jaeger, source: "deep-jaeger.json")
        #expect(jt.spans.isEmpty)
        #expect(jreport.warnings.contains { $0.source == "deep-jaeger.json" && $0.line == 1 && $0.message.contains("nesting deeper than") })
        // Inside a Zipkin tag.
        let zipkin = #"[{"traceId":"01","id":"01","name":"x","tags":{"k":"# + String(repeating: "{\"a\":", count: n) + "1" + String(repeating: "}", count: n) + "}}]"
        let (zt, zreport) = try Decode.table(zipkin, source: "deep-zipkin.json")
        #expect(zt.spans.count <= 1)
        #expect(zreport.warnings.contains { $0.source == "deep-zipkin.json" && $0.message.contains("nesting deeper than") })
    }

    @Test func aHugeStringValueLoadsWhole() throws {
        // 8 MiB here (the CLI was tried by hand on 100 MB); the same scanner path.
        let long = String(repeating: "x", count: 8 << 20)
        let json = #"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"01","spanId":"01","name":"\#(long)","attributes":[{"key":"v","value":{"stringValue":"\#(long)"}}]}]}]}]}"#
        let (t, report) = try Decode.table(json)
        #expect(report.warnings.isEmpty)
        let span = try #require(t.spans.first)
        #expect(t.name(of: span).utf8.count == 8 << 20)
        guard case .string(let value)? = t.value("v", of: span) else { Issue.record("no string attribute"); return }
        #expect(value.utf8.count == 8 << 20)
    }

    @Test func aSpanWithAHundredThousandAttributesLoads() throws {
        let n = 100_000
        var json = #"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"01","spanId":"01","name":"a","attributes":["#
        json += (0..<n).map { #"{"key":"k\#($0)","value":{"intValue":"\#($0)"}}"# }.joined(separator: ",")
        json += "]}]}]}]}"
        let (t, report) = try Decode.table(json)
        let span = try #require(t.spans.first)
        #expect(t.pairs(of: span).count == n)
        #expect(report.warnings.isEmpty)
    }

    @Test func aMillionEmptyLinesIsAnEmptyInputNamingTheFile() throws {
        let blank = [UInt8](repeating: 0x0A, count: 1_000_000)
        let failure = try #require(Decode.failure(blank))
        guard case .empty(let source) = failure else { Issue.record("expected empty, got \(failure)"); return }
        #expect(source == "test.json")
        // With a span after them, the span loads and its line number is right.
        let (t, _) = try Decode.table(blank + Array((Self.span + "\n" + "{").utf8), source: "lines.jsonl")
        #expect(t.spans.count == 1)
        let (_, report) = try Decode.table(blank + Array((Self.span + "\n" + "{\n").utf8), source: "lines.jsonl")
        let warning = try #require(report.warnings.first)
        #expect(warning.line == 1_000_002)
    }
}
