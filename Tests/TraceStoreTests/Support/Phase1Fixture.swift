import TestSupport
import Foundation
import TraceModel
@testable import TraceStore

/// `Fixtures/phase1.sqlite`: a store written by trex's first store (schema 1), with what
/// `tables` returns imported in that order (the file was made by importing exactly these with
/// that version, then checkpointed into a single file).
enum Phase1Fixture {
    static var path: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/phase1.sqlite").path
    }

    /// The tables imported into the fixture, in order: every field of the model, synthetic
    /// traces, two traces split over two imports (merged, their summaries recomputed), and
    /// the docs samples. The fixture was written before Zipkin's spans were marked as holding
    /// string-valued tags (`SpanMarkers.stringValuedTags`), so the samples are read here without
    /// that mark, as the phase-1 store holds them.
    static func tables() -> [SpanTable] {
        let split = SyntheticTraces(spansPerTrace: 20, seed: 7).table(traces: 0..<2)
        var first = SpanTableBuilder(), second = SpanTableBuilder()
        for (i, span) in split.spans.enumerated() {
            if i % 2 == 0 { first.copy(span, from: split) } else { second.copy(span, from: split) }
        }
        return [RichTable.make(), SyntheticTraces(spansPerTrace: 20).table(traces: 0..<10), first.finish(),
                second.finish(), withoutStringTagMarks(TraceLoader.load([SampleRoundTripTests.samples]).table)]
    }

    /// The table with `.stringValuedTags` cleared on every span.
    static func withoutStringTagMarks(_ table: SpanTable) -> SpanTable {
        var builder = SpanTableBuilder()
        for span in table.spans {
            var plain = span
            plain.markers.remove(.stringValuedTags)
            builder.copy(plain, from: table)
        }
        return builder.finish()
    }

    /// A copy of the fixture in `directory`, to open (opening upgrades it in place).
    static func copy(into directory: TemporaryDirectory) throws -> String {
        let target = directory.file("phase1.sqlite")
        try FileManager.default.copyItem(atPath: path, toPath: target)
        return target
    }
}
