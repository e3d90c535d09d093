import Testing
import TestSupport
import TraceModel
@testable import TraceFormats

@Suite struct ReportTests {
    /// About 9 MB of JSON Lines: enough for a few progress calls.
    static let large: [UInt8] = {
        var text = ""
        let attributes = (0..<20).map { #"{"key":"k\#($0)","value":{"stringValue":"some value that takes room \#($0)"}}"# }.joined(separator: ",")
        for i in 1...6000 {
            text += #"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"01","spanId":"\#(String(i, radix: 16))","name":"s","attributes":[\#(attributes)]}]}]}]}"# + "\n"
        }
        return Array(text.utf8)
    }()

    @Test func progressRisesToTheInputSize() throws {
        var calls: [DecodeProgress] = []
        var b = SpanTableBuilder()
        let report = try TraceDecoder.decode(Self.large, source: "big", into: &b) { calls.append($0) }
        #expect(report.spansDecoded == 6000)
        #expect(calls.count >= 3)
        #expect(calls.map(\.bytes) == calls.map(\.bytes).sorted())
        #expect(calls.map(\.spans) == calls.map(\.spans).sorted())
        #expect(calls.last == DecodeProgress(bytes: Self.large.count, spans: 6000))
        #expect(calls.dropLast().contains { $0.spans > 0 && $0.spans < 6000 }, "spans are counted along the way")
    }

    @Test func progressOfGzipInputCountsCompressedBytes() throws {
        let compressed = Gzip.compress(Self.large)
        var last = 0
        var b = SpanTableBuilder()
        _ = try TraceDecoder.decode(compressed, source: "big.gz", into: &b) { last = $0.bytes }
        #expect(last == compressed.count)
    }

    @Test func warningsDescribeTheirPlace() {
        #expect(DecodeWarning(source: "a.json", line: 3, byteOffset: 120, message: "m").description == "a.json:3 (byte 120): m")
        #expect(DecodeWarning(source: "a.json", byteOffset: 7, message: "m").description == "a.json (byte 7): m")
        #expect(DecodeWarning(source: "-", message: "m").description == "-: m")
    }

    @Test func aTruncatedFileSaysWhereAndWhat() throws {
        let text = OTLPFixture.full
        let cut = Array(text.utf8.prefix(text.utf8.count - 200))
        let (t, report) = try Decode.table(cut, source: "traces.json")
        #expect(t.spans.count == 2)
        let w = try #require(report.warnings.first)
        #expect(w.source == "traces.json")
        #expect(w.byteOffset == cut.count)
        #expect(w.line == text.utf8.prefix(cut.count).filter { $0 == 0x0A }.count + 1)
        #expect(w.message.hasPrefix("malformed JSON: unexpected end of input (truncated?); skipped the span that starts at byte"))
        #expect(w.skippedSpans == 1)
        #expect(report.spansSkipped == 1)
    }
}
