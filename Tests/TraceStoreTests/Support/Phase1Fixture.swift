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
    /// the docs samples.
    static func tables() -> [SpanTable] {
        let split = SyntheticTraces(spansPerTrace: 20, seed: 7).table(traces: 0..<2)
        var first = SpanTableBuilder(), second = SpanTableBuilder()
        for (i, span) in split.spans.enumerated() {
            if i % 2 == 0 { first.copy(span, from: split) } else { second.copy(span, from: split) }
        }
        return [RichTable.make(), SyntheticTraces(spansPerTrace: 20).table(traces: 0..<10), first.finish(),
                second.finish(), TraceLoader.load([SampleRoundTripTests.samples]).table]
    }

    /// A copy of the fixture in `directory`, to open (opening upgrades it in place).
    static func copy(into directory: TemporaryDirectory) throws -> String {
        let target = directory.file("phase1.sqlite")
        try FileManager.default.copyItem(atPath: path, toPath: target)
        return target
    }
}
