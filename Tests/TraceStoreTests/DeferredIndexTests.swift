import TestSupport
import GRDB
import Testing
import TraceModel
@testable import TraceStore

/// Imports that drop the secondary indexes and build them at the end.
@Suite struct DeferredIndexTests {
    @Test func theDeferrableListMatchesTheSchema() throws {
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        let definitions = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
                .reduce(into: [String: String]()) { $0[$1["name"]] = $1["sql"] }
        }
        for index in StoreIndexes.deferrable {
            #expect(definitions[index.name] == index.sql)
        }
    }

    @Test func aDeferringImportEndsWithEveryIndex() throws {
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        let table = SyntheticTraces(spansPerTrace: 20).table(traces: 0..<30)
        let importer = StoreImporter(store: store, options: .init(batchSpans: 100, deferIndexes: true))
        try importer.add(table)
        // Meanwhile: no secondary index, and everything still reads correctly.
        #expect(Set(try store.missingIndexes()) == Set(StoreIndexes.deferrable.map(\.name)))
        #expect(try store.check() == [])
        let checkout = StoredTraceFilter(spansets: [StoredSpanFilter(services: [.oneOf(["checkout"])])])
        #expect(Set(try store.candidateTraces(checkout) ?? [])
                == Set(table.spans.filter { table.serviceName(of: $0) == "checkout" }.map(\.traceID)))
        try importer.finish()
        #expect(try store.missingIndexes() == [])
        #expect(TableSnapshot(try store.loadAllTraces()) == TableSnapshot(table))
    }

    @Test func theNextImportRestoresIndexesAnInterruptedOneLeftMissing() throws {
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        let deferring = StoreImporter(store: store, options: .init(deferIndexes: true))
        try deferring.add(SyntheticTraces(spansPerTrace: 10).table(traces: 0..<5))
        // No finish(): as if the process had been killed.
        #expect(!(try store.missingIndexes()).isEmpty)
        let next = StoreImporter(store: store)
        try next.add(RichTable.make())
        #expect(try store.missingIndexes() == [])
        #expect(try store.check() == [])
    }
}
