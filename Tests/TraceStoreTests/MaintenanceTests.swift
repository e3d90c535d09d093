import GRDB
import Testing
import TestSupport
import TraceModel
@testable import TraceStore

/// `store info`, pruning, and what the store looks like afterwards.
@Suite struct MaintenanceTests {
    /// Traces one hour apart, the newest first in the returned ids.
    static func hourly(_ count: Int) -> (table: SpanTable, idsNewestFirst: [TraceID]) {
        var fixture = TraceFixture(unitNanos: 3_600_000_000_000)
        var ids: [TraceID] = []
        for hour in 0..<count {
            fixture.inTrace("trace-\(hour)")
            ids.append(fixture.traceID)
            fixture.span("root-\(hour)", service: "frontend", start: Int64(hour), end: Int64(hour) + 1,
                         attributes: ["only.in": .string("trace \(hour)"), "shared": .string("everywhere")])
            fixture.span("child-\(hour)", parent: "root-\(hour)", service: hour % 2 == 0 ? "even" : "odd-\(hour)",
                         start: Int64(hour), end: Int64(hour) + 1, status: hour == 0 ? .error : .unset,
                         events: [(Int64(hour), "event \(hour)")])
        }
        return (fixture.build(), ids.reversed())
    }

    @Test func infoReportsCountsRangeAndServices() throws {
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        let empty = try store.info()
        #expect(empty.traceCount == 0 && empty.spanCount == 0 && empty.timeRange == nil && empty.bytesPerSpan == nil)
        let (table, _) = Self.hourly(6)
        try StoreTest.importTables([table], into: store)
        let info = try store.info()
        #expect(info.traceCount == 6 && info.spanCount == 12)
        #expect(info.schemaVersion == StoreSchema.version)
        #expect(info.timeRange == Timestamp(unixNanos: TraceFixture.origin)...Timestamp(unixNanos: TraceFixture.origin + 6 * 3_600_000_000_000))
        #expect(info.services.first == StoreInfo.ServiceSpans(name: "frontend", spans: 6))
        #expect(info.services.first { $0.name == "even" }?.spans == 3)
        #expect(info.services.count == 2 + 3)
        #expect(info.fileBytes > 0 && (info.bytesPerSpan ?? 0) > 0)
        #expect(info.lastImport != nil && info.resourceCount == 5 && info.stringCount > 10)
    }

    @Test func pruneOlderThanDeletesWholeTracesAndTheirStrings() throws {
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        let (table, newestFirst) = Self.hourly(10)
        let importer = StoreImporter(store: store)
        try importer.add(table)
        let cutoff = Timestamp(unixNanos: TraceFixture.origin + 4 * 3_600_000_000_000)   // traces 0-3 started before
        let result = try store.prune(olderThan: cutoff)
        #expect(result.traces == 4 && result.spans == 8)
        #expect(result.strings > 0 && result.resources == 2)   // "odd-1", "odd-3" instances
        let kept = try store.traceListing().summaries.map(\.traceID)
        #expect(Set(kept) == Set(newestFirst.prefix(6)))
        for gone in ["trace 0", "trace 3", "event 2", "root-1", "odd-3"] {
            #expect(try StoreTest.scalar(store, "SELECT count(*) FROM strings WHERE value = '\(gone)'") == 0)
        }
        for still in ["trace 4", "everywhere", "event 9", "frontend", "odd-9"] {
            #expect(try StoreTest.scalar(store, "SELECT count(*) FROM strings WHERE value = '\(still)'") == 1)
        }
        #expect(try store.check().isEmpty)
        #expect(TableSnapshot(try store.loadAllTraces()) == TableSnapshot(TraceCatalog(table: table).loadTraces(kept)))

        // The same importer, whose caches knew the deleted strings, imports them again correctly.
        try importer.add(table)
        #expect(try store.info().traceCount == 10)
        #expect(TableSnapshot(try store.loadAllTraces()) == TableSnapshot(table))
        #expect(try store.check().isEmpty)
    }

    @Test func pruneKeepLastKeepsTheNewest() throws {
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        let (table, newestFirst) = Self.hourly(8)
        try StoreTest.importTables([table], into: store)
        #expect(try store.prune(keepLast: 8).traces == 0)
        let result = try store.prune(keepLast: 3)
        #expect(result.traces == 5 && result.spans == 10)
        #expect(Set(try store.traceListing().summaries.map(\.traceID)) == Set(newestFirst.prefix(3)))
        #expect(try store.check().isEmpty)
        #expect(try store.prune(keepLast: 0).traces == 3)
        let info = try store.info()
        #expect(info.traceCount == 0 && info.spanCount == 0 && info.services.isEmpty)
        #expect(try StoreTest.scalar(store, "SELECT count(*) FROM strings") == 1)   // the empty string
        #expect(try StoreTest.scalar(store, "SELECT count(*) FROM resources") == 0)
    }

    @Test func pruneGivesSpaceBack() throws {
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        try StoreTest.importTables([SyntheticTraces(spansPerTrace: 50).table(traces: 0..<60)], into: store)
        try store.compact()
        let before = PersistentStore.fileBytes(store.path).main
        let result = try store.prune(keepLast: 5)
        #expect(result.traces == 55)
        #expect(PersistentStore.fileBytes(store.path).main < before / 2)
        #expect(try store.check().isEmpty)
    }
}
