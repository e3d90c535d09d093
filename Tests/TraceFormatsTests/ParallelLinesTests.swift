import Foundation
import Testing
import TraceModel
@testable import TraceFormats

/// Large JSON Lines inputs are decoded on two cores; the result must equal one pass.
@Suite struct ParallelLinesTests {
    static let collector = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/samples/otlp-jsonl/collector-export.jsonl")

    private func decodeBothWays(_ bytes: [UInt8]) throws -> (one: SpanTable, two: SpanTable, oneReport: DecodeReport,
                                                               twoReport: DecodeReport) {
        var sequential = SpanTableBuilder()
        let oneReport = try TraceDecoder.decode(bytes, source: "x.jsonl", into: &sequential)
        var parallel = SpanTableBuilder()
        let twoReport = try #require(bytes.withUnsafeBufferPointer { input -> DecodeReport? in
            let cut = input.indices.first { $0 > input.count / 2 && input[$0 - 1] == 0x0A && input[$0] == UInt8(ascii: "{") }!
            return ParallelLines.decode(input, cut: cut, source: "x.jsonl", into: &parallel, progress: nil,
                                        inputSize: input.count, gzipped: false)
        })
        return (sequential.finish(), parallel.finish(), oneReport, twoReport)
    }

    @Test func twoHalvesGiveTheSameSpansAsOnePass() throws {
        let bytes = try [UInt8](Data(contentsOf: Self.collector))
        let (one, two, oneReport, twoReport) = try decodeBothWays(bytes)
        #expect(one.spans.count == two.spans.count)
        #expect(one.traces.map(\.traceID) == two.traces.map(\.traceID))
        #expect(Set(one.spans.map { SpanSnapshot($0, in: one) }) == Set(two.spans.map { SpanSnapshot($0, in: two) }))
        #expect(oneReport.spansDecoded == twoReport.spansDecoded)
        #expect(one.resources.count == two.resources.count, "resources seen by both halves are merged")
    }

    @Test func warningsInTheSecondHalfKeepTheirLinesAndOffsets() throws {
        var lines = try String(contentsOf: Self.collector, encoding: .utf8).split(separator: "\n").map(String.init)
        let bad = lines.count - 2
        lines[bad] = String(lines[bad].prefix(lines[bad].count / 2))   // a truncated record near the end
        let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        let (_, _, oneReport, twoReport) = try decodeBothWays(bytes)
        let oneLines = oneReport.warnings.compactMap(\.line)
        #expect(oneLines.contains(bad + 1))
        #expect(twoReport.warnings.compactMap(\.line) == oneLines)
        #expect(twoReport.warnings.compactMap(\.byteOffset) == oneReport.warnings.compactMap(\.byteOffset))
    }

    @Test func onlyLargeJSONLinesInputsAreCut() {
        let small = Array(#"{"resourceSpans":[]}"#.utf8) + [0x0A] + Array(#"{"resourceSpans":[]}"#.utf8) + [0x0A]
        #expect(small.withUnsafeBufferPointer { ParallelLines.cut($0) } == nil)
        #expect(small.withUnsafeBufferPointer { JSONLinesDetection.looksLikeJSONLines($0) })
        let pretty = Array("{\n  \"resourceSpans\": []\n}\n".utf8)
        #expect(!pretty.withUnsafeBufferPointer { JSONLinesDetection.looksLikeJSONLines($0) })
        let big = [UInt8](repeating: UInt8(ascii: " "), count: ParallelLines.threshold) + Array("{}".utf8)
        #expect(big.withUnsafeBufferPointer { ParallelLines.cut($0) } == nil, "one document: nothing to cut")
    }
}
