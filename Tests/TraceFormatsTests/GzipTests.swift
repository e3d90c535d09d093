import Testing
import TestSupport
import TraceModel
@testable import TraceFormats

@Suite struct GzipTests {
    static let lineA = #"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"01","spanId":"0a","name":"a"}]}]}]}"# + "\n"
    static let lineB = #"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"01","spanId":"0b","name":"b"}]}]}]}"# + "\n"

    @Test func gzippedInputIsDetectedByItsMagicBytes() throws {
        let (t, report) = try Decode.table(Gzip.compress(Array((Self.lineA + Self.lineB).utf8)), source: "traces.bin")
        #expect(report.gzipped)
        #expect(report.format == .otlpJSONLines)
        #expect(t.spans.count == 2)
        #expect(report.warnings.isEmpty)
    }

    @Test func concatenatedMembersAreAllRead() throws {
        let bytes = Gzip.compress(Array(Self.lineA.utf8)) + Gzip.compress(Array(Self.lineB.utf8))
        let (t, report) = try Decode.table(bytes)
        #expect(t.spans.map { t.name(of: $0) }.sorted() == ["a", "b"])
        #expect(report.warnings.isEmpty)
    }

    @Test func aTruncatedGzipLoadsWhatDecompressedAndWarns() throws {
        // Enough lines that the cut falls after whole lines have decompressed.
        var text = ""
        for i in 0..<400 {
            text += #"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"01","spanId":"\#(String(i + 1, radix: 16))","name":"span \#(i) with some text to compress"}]}]}]}"# + "\n"
        }
        let full = Gzip.compress(Array(text.utf8))
        let cut = Array(full[..<(full.count * 2 / 3)])
        let (t, report) = try Decode.table(cut)
        #expect(t.spans.count > 0)
        #expect(t.spans.count < 400)
        #expect(report.warnings.first?.message.contains("truncated") == true)
    }

    @Test func gzipThatYieldsNothingIsAFailure() {
        guard case .badGzip? = Decode.failure([0x1F, 0x8B, 0x08, 0x00, 0xFF, 0xFF]) else {
            Issue.record("expected badGzip")
            return
        }
        guard case .badGzip? = Decode.failure([0x1F, 0x8B] + Array(repeating: 0x42, count: 40)) else {
            Issue.record("expected badGzip")
            return
        }
    }

    @Test func trailingJunkAfterTheStreamIsNoted() throws {
        let (t, report) = try Decode.table(Gzip.compress(Array(Self.lineA.utf8)) + Array("junk".utf8))
        #expect(t.spans.count == 1)
        #expect(report.warnings.first?.message.contains("after the end of the gzip stream") == true)
    }
}
