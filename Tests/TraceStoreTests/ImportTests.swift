import GRDB
import Testing
import TestSupport
import TraceModel
@testable import TraceStore

/// Idempotent imports, merging traces split over imports, replacing changed spans.
@Suite struct ImportTests {
    @Test func importingTheSameDataTwiceChangesNothing() throws {
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        let table = SyntheticTraces(spansPerTrace: 30).table(traces: 0..<20)
        let first = try StoreTest.importTables([table, RichTable.make()], into: store)
        #expect(first.spansWritten == first.spansRead)
        let before = try StoreTest.dump(store)
        let second = try StoreTest.importTables([table, RichTable.make()], into: store)
        #expect(second.spansRead == first.spansRead)
        #expect(second.spansWritten == 0)
        #expect(second.tracesCreated == 0 && second.tracesUpdated == 0)
        #expect(try StoreTest.dump(store) == before)
    }

    @Test func aTraceSplitOverTwoImportsIsMergedAndResummarized() throws {
        // The whole trace, then its two halves imported separately; the root comes last.
        var whole = TraceFixture()
        whole.span("root", service: "frontend", start: 0, end: 100, kind: .server)
        whole.span("api", parent: "root", service: "api", start: 10, end: 90, kind: .client)
        whole.span("db", parent: "api", service: "postgres", start: 20, end: 150, status: .error)
        whole.span("cache", parent: "api", service: "redis", start: -5, end: 30)
        let full = whole.build()

        var firstHalf = TraceFixture()
        firstHalf.span("db", parent: "api", service: "postgres", start: 20, end: 150, status: .error)
        firstHalf.span("cache", parent: "api", service: "redis", start: -5, end: 30)
        var secondHalf = TraceFixture()
        secondHalf.span("root", service: "frontend", start: 0, end: 100, kind: .server)
        secondHalf.span("api", parent: "root", service: "api", start: 10, end: 90, kind: .client)

        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        let one = try StoreTest.importTables([firstHalf.build()], into: store)
        #expect(one.tracesCreated == 1)
        let partial = try store.traceListing().summaries[0]
        #expect(partial.spanCount == 2 && !partial.hasSingleRoot)

        let two = try StoreTest.importTables([secondHalf.build()], into: store)
        #expect(two.tracesCreated == 0 && two.tracesUpdated == 1)
        let listing = try store.traceListing()
        #expect(listing.count == 1)
        #expect(StoreTest.describe(listing) == StoreTest.summaries(full))
        let summary = listing.summaries[0]
        #expect(listing.strings[summary.rootService] == "frontend")
        #expect(summary.spanCount == 4 && summary.errorCount == 1 && summary.hasSingleRoot)
        #expect(summary.duration == Nanoseconds.milliseconds(155))
        #expect(TableSnapshot(try store.loadAllTraces()) == TableSnapshot(full))
        #expect(try store.check().isEmpty)
    }

    @Test func aSpanWithAStoredIDButOtherContentIsKeptBesideIt() throws {
        // As in memory: two spans of a trace with one id and different content are two spans
        // (the store and the files then list the same trace alike); an equal one is a duplicate.
        var before = TraceFixture()
        before.span("root", service: "frontend", start: 0, end: 100)
        before.span("child", parent: "root", service: "backend", start: 10, end: 20)
        var after = TraceFixture()
        after.span("child", parent: "root", service: "backend", start: 10, end: 300, status: .error,
                   attributes: ["retry": .int(2)])
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        try StoreTest.importTables([before.build()], into: store)
        let totals = try StoreTest.importTables([after.build()], into: store)
        #expect(totals.spansWritten == 1 && totals.tracesUpdated == 1)
        let summary = try store.traceListing().summaries[0]
        #expect(summary.spanCount == 3 && summary.errorCount == 1)
        #expect(summary.duration == Nanoseconds.milliseconds(300))
        let memory = SpanTable.merging([before.build(), after.build()])
        #expect(StoreTest.describe(try store.traceListing()) == StoreTest.summaries(memory))
        let again = try StoreTest.importTables([after.build(), before.build()], into: store)
        #expect(again.spansWritten == 0, "equal spans are duplicates")
        #expect(try store.check().isEmpty)
    }

    @Test func spansSharingAnIDInOneTraceKeepTheSummaryTrue() throws {
        var fixture = TraceFixture()
        fixture.span("root", service: "frontend", start: 0, end: 100)
        fixture.span("twin", parent: "root", service: "a", start: 10, end: 20)
        fixture.span("twin", parent: "root", service: "b", start: 30, end: 400, status: .error)
        let table = fixture.build()
        #expect(table.spans.count == 3)
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        try StoreTest.importTables([table], into: store)
        #expect(try StoreTest.scalar(store, "SELECT sum(span_count) FROM span_chunks") == 3)
        #expect(try store.check().isEmpty)
        #expect(StoreTest.describe(try store.traceListing()) == StoreTest.summaries(try store.loadAllTraces()))
        #expect(StoreTest.describe(try store.traceListing()) == StoreTest.summaries(table), "the store lists it as memory does")
    }

    @Test func batchesNeverSplitATrace() throws {
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        let table = SyntheticTraces(spansPerTrace: 20).table(traces: 0..<10)
        let totals = try StoreTest.importTables([table], into: store, options: .init(batchSpans: 1))
        #expect(totals.batches == 10)
        #expect(totals.traces == 10 && totals.tracesCreated == 10)
    }

    @Test func stringsResourcesAndScopesAreStoredOnce() throws {
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        let generator = SyntheticTraces(spansPerTrace: 20)
        // Two importers taking turns (each sees the other's commits), then one that does not preload.
        let a = StoreImporter(store: store)
        let b = StoreImporter(store: store, options: .init(preloadStrings: false))
        try a.add(generator.table(traces: 0..<5))
        try b.add(generator.table(traces: 3..<9))
        try a.add(generator.table(traces: 8..<12))
        try b.add(RichTable.make())
        try a.add(RichTable.make())
        #expect(try StoreTest.scalar(store, "SELECT count(*) - count(DISTINCT value) FROM strings") == 0)
        let combined = [generator.table(traces: 0..<12), RichTable.make()]
        var builder = SpanTableBuilder()
        for table in combined { for span in table.spans { builder.copy(span, from: table) } }
        let expected = builder.finish()
        // The builder deduplicates by content too: one row per distinct resource and scope in use.
        #expect(try StoreTest.scalar(store, "SELECT count(*) FROM resources") == Set(expected.spans.map(\.resource)).count)
        #expect(try StoreTest.scalar(store, "SELECT count(*) FROM scopes") == Set(expected.spans.map(\.scope)).count)
        #expect(TableSnapshot(try store.loadAllTraces()) == TableSnapshot(expected))
        #expect(try store.check().isEmpty)
    }
}
