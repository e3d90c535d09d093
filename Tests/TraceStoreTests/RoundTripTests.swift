import GRDB
import Testing
import TestSupport
import TraceModel
@testable import TraceStore

/// Model -> store -> model loses nothing.
@Suite struct RoundTripTests {
    @Test func everyFieldSurvivesTheStore() throws {
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        let original = RichTable.make()
        try StoreTest.importTables([original], into: store)
        let loaded = try store.loadAllTraces()
        let expected = TableSnapshot(original)
        let actual = TableSnapshot(loaded)
        #expect(expected.spanCount == 6)
        #expect(actual == expected, "\(TableSnapshot.firstDifference(expected, actual) ?? "")")
    }

    @Test func everyFieldSurvivesLoadingByID() throws {
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        let original = RichTable.make()
        try StoreTest.importTables([original], into: store)
        // Lazy string resolution (no preload) and one trace at a time.
        for entry in original.traces {
            let one = try store.loadTraces([entry.traceID])
            #expect(one.traces.count == 1)
            let expected = TableSnapshot(original).traces.first { $0.first?.traceID == entry.traceID }
            #expect(TableSnapshot(one).traces.first == expected)
        }
    }

    @Test func summariesFromTheStoreEqualTheInMemoryOnes() throws {
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        let original = RichTable.make()
        try StoreTest.importTables([original], into: store)
        #expect(StoreTest.describe(try store.traceListing()) == StoreTest.summaries(original))
        // And from the loaded spans, as every in-memory path computes them.
        #expect(StoreTest.summaries(try store.loadAllTraces()) == StoreTest.summaries(original))
    }

    @Test func syntheticTracesRoundTrip() throws {
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        let original = SyntheticTraces(spansPerTrace: 40).table(traces: 0..<30)
        try StoreTest.importTables([original], into: store, options: .init(batchSpans: 100))
        #expect(TableSnapshot(try store.loadAllTraces()) == TableSnapshot(original))
        #expect(StoreTest.describe(try store.traceListing()) == StoreTest.summaries(original))
        #expect(try store.check().isEmpty)
    }

    @Test func drawnTracesRoundTrip() throws {
        let original = TraceDrawing.table("""
            root      frontend  [==========]
             api      backend     [====]        kind=client
              db      postgres     [=]          status=error
             orphan   backend       [==]        parent=missing
            """)
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        try StoreTest.importTables([original], into: store)
        #expect(TableSnapshot(try store.loadAllTraces()) == TableSnapshot(original))
    }
}

/// The bundled samples, decoded from every format, survive the store.
@Suite struct SampleRoundTripTests {
    static let samples: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }   // Tests/TraceStoreTests/X.swift
        return path + "/docs/samples"
    }()

    @Test func theDocsSamplesRoundTrip() throws {
        let outcome = TraceLoader.load([Self.samples])
        try #require(outcome.loadedAnything, "docs/samples did not load")
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        try StoreTest.importTables([outcome.table], into: store)
        #expect(TableSnapshot(try store.loadAllTraces()) == TableSnapshot(outcome.table))
        #expect(StoreTest.describe(try store.traceListing()) == StoreTest.summaries(outcome.table))
        #expect(try store.check() == [])
    }
}
