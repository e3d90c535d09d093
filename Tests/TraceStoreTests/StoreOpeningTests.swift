import TestSupport
import GRDB
import Testing
import TraceModel
@testable import TraceStore

/// Creating, reopening and refusing stores: schema version, migrations, files that are not stores.
@Suite struct StoreOpeningTests {
    @Test func aNewStoreHasTheCurrentSchemaInWALMode() throws {
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        try store.read { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == StoreSchema.version)
            #expect(try Int32.fetchOne(db, sql: "PRAGMA application_id") == StoreSchema.applicationID)
            #expect(try Int.fetchOne(db, sql: "PRAGMA auto_vacuum") == 2)   // incremental
            #expect(try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations")
                    == Set(StoreSchema.migrationIdentifiers))
            let indexes = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
            #expect(indexes == ["facets_by_value", "strings_by_hash", "strings_by_number", "traces_by_start",
                                "traces_by_duration", "written_trace_ids_by_text"])
        }
        try store.close()
        // Reopening an up-to-date store is a no-op.
        let again = try PersistentStore.open(at: store.path)
        #expect(try again.info().traceCount == 0)
    }

    @Test func theStoreDirectoryIsCreated() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("a/b/c/traces.sqlite")
        _ = try PersistentStore.open(at: path, create: true)
        #expect(try StoreLocation.fileSize(path) != nil)
    }

    @Test func defaultLocationFollowsXDG() {
        #expect(StoreLocation.defaultPath(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/u"])
                == "/data/trex/traces.sqlite")
        #expect(StoreLocation.defaultPath(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/u"])
                == "/home/u/.local/share/trex/traces.sqlite")
        #expect(StoreLocation.defaultPath(environment: ["HOME": "/home/u/"]) == "/home/u/.local/share/trex/traces.sqlite")
    }

    @Test func aMissingStoreIsAnErrorUnlessCreating() {
        let dir = TemporaryDirectory()
        #expect(throws: StoreError.noStore(path: dir.file("none.sqlite"))) {
            try PersistentStore.open(at: dir.file("none.sqlite"))
        }
        #expect(throws: StoreError.noStore(path: dir.file("none.sqlite"))) {
            try PersistentStore.open(at: dir.file("none.sqlite"), create: true, readOnly: true)
        }
    }

    @Test func aStoreFromANewerTrexIsRefusedAndLeftAlone() throws {
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        try StoreTest.importTables([RichTable.make()], into: store)
        try store.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('2-future-columns')")
        }
        try store.close()
        let before = TemporaryDirectory.contents(store.path)
        let error = #expect(throws: StoreError.self) { try PersistentStore.open(at: store.path, create: true) }
        guard case .newerSchema(_, _, let supported, let unknown) = error else {
            Issue.record("expected newerSchema, got \(String(describing: error))")
            return
        }
        #expect(supported == StoreSchema.version)
        #expect(unknown == ["2-future-columns"])
        #expect(error?.description.contains("newer trex") == true)
        #expect(TemporaryDirectory.contents(store.path) == before)
    }

    @Test func aHigherUserVersionIsRefused() throws {
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        try store.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA user_version = 7") }
        try store.close()
        #expect(throws: StoreError.newerSchema(path: store.path, found: 7, supported: StoreSchema.version,
                                               unknownMigrations: [])) {
            try PersistentStore.open(at: store.path)
        }
    }

    @Test func aFileThatIsNotSQLiteIsAClearErrorAndUntouched() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("notes.txt")
        let text = Array("{\"resourceSpans\": []}\n this is not a database, it is a JSON file of some length".utf8)
        TemporaryDirectory.write(text, to: path)
        #expect(throws: StoreError.notADatabase(path: path)) { try PersistentStore.open(at: path, create: true) }
        #expect(TemporaryDirectory.contents(path) == text)
        #expect(try StoreLocation.fileSize(path + "-wal") == nil)
        #expect(StoreError.notADatabase(path: path).description.contains("not an SQLite database"))
    }

    @Test func aCorruptStoreIsAClearError() throws {
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        try StoreTest.importTables([RichTable.make()], into: store)
        try store.close()
        // Keep the 100-byte header (so it still looks like SQLite), garble the schema page.
        var bytes = TemporaryDirectory.contents(store.path)
        for i in 100..<min(bytes.count, 4096) { bytes[i] = UInt8(truncatingIfNeeded: i &* 31 &+ 7) }
        TemporaryDirectory.write(bytes, to: store.path)
        let error = #expect(throws: StoreError.self) { try PersistentStore.open(at: store.path) }
        guard case .corrupt = error else {
            Issue.record("expected corrupt, got \(String(describing: error))")
            return
        }
        #expect(error?.description.contains("damaged") == true)
    }

    @Test func anotherApplicationsDatabaseIsRefusedUntouched() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("other.sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)") }
        try queue.close()
        let before = TemporaryDirectory.contents(path)
        let error = #expect(throws: StoreError.self) { try PersistentStore.open(at: path, create: true) }
        guard case .notATrexStore(_, let detail) = error else {
            Issue.record("expected notATrexStore, got \(String(describing: error))")
            return
        }
        #expect(detail.contains("notes"))
        #expect(TemporaryDirectory.contents(path) == before)
    }

    @Test func anEmptyFileBecomesAStore() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("empty.sqlite")
        TemporaryDirectory.write([], to: path)
        let store = try PersistentStore.open(at: path, create: true)
        #expect(try store.info().schemaVersion == StoreSchema.version)
    }
}
