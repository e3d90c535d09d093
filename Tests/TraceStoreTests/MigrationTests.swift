import TestSupport
import GRDB
import Testing
import TraceModel
import TraceQuery
@testable import TraceStore

/// A store written by the first version of the store (schema 1) opens in this one: upgraded
/// in place to schema 2 with nothing lost, and importing the same data again changes nothing.
@Suite struct MigrationTests {
    @Test func aPhase1StoreIsUpgradedWithEveryFieldIntact() throws {
        let dir = TemporaryDirectory()
        let path = try Phase1Fixture.copy(into: dir)
        let before = try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }
        #expect(before == 1)
        // Read-only, it cannot be upgraded: a clear error, the file untouched.
        let bytes = TemporaryDirectory.contents(path)
        #expect(throws: StoreError.needsUpgrade(path: path)) { try PersistentStore.open(at: path, readOnly: true) }
        #expect(TemporaryDirectory.contents(path) == bytes)

        let store = try PersistentStore.open(at: path)
        let (version, migrations, oldTable) = try store.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA user_version"),
             try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name = 'spans'"))
        }
        #expect(version == StoreSchema.version)
        #expect(migrations == Set(StoreSchema.migrationIdentifiers))
        #expect(oldTable == 0)
        let expected = SpanTable.merging(Phase1Fixture.tables())
        let loaded = try store.loadAllTraces()
        #expect(TableSnapshot(loaded) == TableSnapshot(expected),
                "\(TableSnapshot.firstDifference(TableSnapshot(expected), TableSnapshot(loaded)) ?? "")")
        #expect(StoreTest.describe(try store.traceListing()) == StoreTest.summaries(expected))
        #expect(try store.check() == [])
        // Long attribute strings moved inline: the dictionary no longer holds them.
        #expect(try store.stringID(for: String(repeating: "0123456789", count: 300)) == nil)
        #expect(try store.stringID(for: "GET /checkout") != nil)
    }

    @Test func openingForReadingUpgradesFirst() throws {
        let dir = TemporaryDirectory()
        let store = try PersistentStore.openForReading(at: try Phase1Fixture.copy(into: dir))
        #expect(try store.check() == [])
        #expect(try store.traceListing().count == SpanTable.merging(Phase1Fixture.tables()).traces.count)
        // Read-only connections: writing fails.
        #expect(throws: StoreError.self) { try store.prune(keepLast: 0) }
        #expect(throws: StoreError.noStore(path: dir.file("none.sqlite"))) {
            try PersistentStore.openForReading(at: dir.file("none.sqlite"))
        }
    }

    @Test func reimportingTheSameDataAfterTheUpgradeChangesNothing() throws {
        let dir = TemporaryDirectory()
        let store = try PersistentStore.open(at: try Phase1Fixture.copy(into: dir))
        let before = try StoreTest.dump(store)
        let totals = try StoreTest.importTables(Phase1Fixture.tables(), into: store)
        #expect(totals.spansWritten == 0)
        #expect(totals.tracesCreated == 0)
        #expect(try StoreTest.dump(store) == before)
    }

    @Test func anUpgradedStoreAnswersQueriesAsMemoryDoes() throws {
        let dir = TemporaryDirectory()
        let store = try PersistentStore.open(at: try Phase1Fixture.copy(into: dir))
        let expected = SpanTable.merging(Phase1Fixture.tables())
        for text in [#"service = "checkout" AND duration > 100ms"#, #"http.status_code = 402"#, "status = error",
                     #"s = "héllo wörld 🌍""#, #"long =~ "0123.*""#, #"name = "charge" AND kind = client"#] {
            let query = try Query.parse(text)
            let memory = QueryEquivalenceTests.key(QueryEngine.run(query, on: expected), in: expected)
            let result = try StoreQueryEngine.run(query, on: store)
            #expect(QueryEquivalenceTests.key(result.matches, in: result.table) == memory, "\(text)")
            #expect(!memory.isEmpty, "\(text) should match something")
        }
    }
}
