import Foundation
import Testing
import TraceModel
@testable import TraceFormats

/// Truncations and byte flips: every decoder must never crash, must load the spans that are
/// complete, and must say what it skipped.
@Suite struct MalformedInputTests {
    /// A fixture and, for each span, a text that ends it (found in order), so a truncation
    /// after that text must have loaded the span.
    struct Fixture: CustomStringConvertible {
        var name: String
        var text: String
        var spanEnds: [String]
        var description: String { name }

        /// Offsets just past each span's end marker.
        var endOffsets: [Int] {
            var from = text.startIndex
            return spanEnds.map { marker in
                let r = text.range(of: marker, range: from..<text.endIndex)!
                from = r.upperBound
                return text.utf8.distance(from: text.startIndex, to: r.upperBound)
            }
        }
    }

    static let fixtures: [Fixture] = [
        Fixture(name: "OTLP", text: OTLPFixture.full,
                spanEnds: [#""message": "card declined"}}"#, #""STATUS_CODE_OK"}}"#, #""only a message"}}"#]),
        Fixture(name: "Jaeger", text: JaegerDecoderTests.document,
                spanEnds: [#""processID": "p1", "warnings": null}"#, #""processID": "p2"}"#, #""processID": "p2"}"#,
                           #""processID": "p1"}"#]),
        Fixture(name: "Zipkin", text: ZipkinDecoderTests.shared,
                spanEnds: [#""192.0.0.0"}}"#, #""shared": true}"#, #""127.0.0.0"}}"#, #""127.0.0.0"}}"#]),
        Fixture(name: "Zipkin bare span", text: ZipkinDecoderTests.client, spanEnds: [#""debug": true}"#]),
        Fixture(name: "OTLP JSON Lines", text: (1...4).map { i in
            #"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"01","spanId":"0\#(i)","name":"line \#(i)"}]}]}]}"#
        }.joined(separator: "\n"), spanEnds: (1...4).map { "line \($0)\"}" }),
    ]

    @Test(arguments: fixtures)
    func truncationAtEveryByteLoadsEveryCompleteSpan(_ fixture: Fixture) throws {
        let bytes = Array(fixture.text.utf8)
        let ends = fixture.endOffsets
        let full = try Decode.table(bytes).table.spans.count
        let content = bytes.lastIndex { $0 > 0x20 }! + 1
        var previous = 0
        for k in 0..<bytes.count {
            var b = SpanTableBuilder()
            let report: DecodeReport
            do {
                report = try TraceDecoder.decode(Array(bytes[..<k]), source: "cut", into: &b)
            } catch {
                #expect(ends.filter { $0 <= k }.isEmpty, "\(fixture) cut at \(k) threw \(error) after complete spans")
                continue
            }
            let loaded = report.spansDecoded
            let complete = ends.filter { $0 <= k }.count
            #expect(loaded >= complete, "\(fixture) cut at \(k): \(loaded) spans loaded, \(complete) complete")
            #expect(loaded <= ends.count)
            #expect(loaded >= previous || fixture.name.hasPrefix("Zipkin"), "\(fixture) cut at \(k) lost spans")
            previous = loaded
            if k < content && !fixture.name.contains("Lines") {
                #expect(!report.warnings.isEmpty, "\(fixture) cut at \(k) loaded silently")
            }
            for w in report.warnings { #expect((w.byteOffset ?? 0) <= k) }
            _ = b.finish()
        }
        #expect(full == ends.count || fixture.name == "Jaeger")
    }

    @Test(arguments: fixtures)
    func randomByteFlipsNeverCrash(_ fixture: Fixture) throws {
        var rng = SplitMix64(seed: 0x5eed_0000 + UInt64(fixture.name.utf8.count))
        let original = Array(fixture.text.utf8)
        let full = try Decode.table(original).table.spans.count
        for _ in 0..<400 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                bytes[i] = [UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: ","),
                            UInt8(ascii: "\\"), 0x0A, 0, 0xFF, UInt8.random(in: 0...255, using: &rng)].randomElement(using: &rng)!
            }
            var b = SpanTableBuilder()
            if let report = try? TraceDecoder.decode(bytes, source: "flip", into: &b) {
                #expect(report.spansDecoded <= full * 2 + 1)
                let table = b.finish()
                _ = OTLPJSONEncoder.encode(table)
            }
        }
    }

    @Test(.enabled(if: Paths.sharedSamplesExist, "../shared/samples is absent: skipping truncations and flips of real samples"))
    func sharedSamplesSurviveTruncationsAndFlips() throws {
        try fuzz(directory: Paths.sharedSamples, seed: 42)
    }

    @Test func docsSamplesSurviveTruncationsAndFlips() throws {
        try fuzz(directory: Paths.docsSamples, seed: 7)
    }

    @Test func deeplyNestedValuesAreSkippedNotRecursedInto() throws {
        let deep = String(repeating: #"{"arrayValue":{"values":["#, count: 5000) + String(repeating: "]}}", count: 5000)
        let json = #"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"01","spanId":"01","attributes":[{"key":"deep","value":\#(deep)}]},{"traceId":"01","spanId":"02"}]}]}]}"#
        let (t, report) = try Decode.table(json)
        #expect(t.spans.count <= 2)
        #expect(!report.warnings.isEmpty)
        let nested = String(repeating: #"{"arrayValue":{"values":["#, count: 100) + String(repeating: "]}}", count: 100)
        let ok = #"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"01","spanId":"01","attributes":[{"key":"deep","value":\#(nested)}]}]}]}]}"#
        let (t2, report2) = try Decode.table(ok)
        #expect(t2.spans.count == 1)
        #expect(report2.warnings.contains { $0.message.contains("nested deeper than 64") })
    }

    /// Truncates every sample at up to 40 points and flips bytes as often (fewer for large
    /// files, to bound the time); nothing may crash, and a truncation must not load more spans
    /// than the whole file.
    private func fuzz(directory: URL, seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let files = Paths.files(under: directory)
        #expect(!files.isEmpty)
        for name in files {
            let original = try Paths.read(directory.appendingPathComponent(name))
            let bytes: [UInt8]
            if GzipInflater.isGzip(original.withUnsafeBufferPointer { $0 }) {
                guard case .success(let out) = original.withUnsafeBufferPointer({ GzipInflater.inflate($0, limit: 1 << 30) }) else { continue }
                bytes = out.bytes
            } else {
                bytes = original
            }
            var b = SpanTableBuilder()
            let full = (try? TraceDecoder.decode(bytes, source: name, into: &b))?.spansDecoded ?? 0
            let rounds = max(3, min(40, 2_000_000 / max(bytes.count, 1)))
            for step in 0..<rounds {
                let k = bytes.count * step / rounds
                var cut = SpanTableBuilder()
                if let r = try? TraceDecoder.decode(Array(bytes[..<k]), source: name, into: &cut) {
                    #expect(r.spansDecoded <= full, "\(name) cut at \(k)")
                }
            }
            for _ in 0..<rounds {
                var flipped = bytes
                for _ in 0..<Int.random(in: 1...4, using: &rng) {
                    flipped[Int.random(in: 0..<flipped.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
                }
                var f = SpanTableBuilder()
                _ = try? TraceDecoder.decode(flipped, source: name, into: &f)
                _ = f.finish()
            }
        }
    }
}
