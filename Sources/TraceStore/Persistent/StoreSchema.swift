import GRDB
import TraceModel

/// The store's schema and its versioned migrations.
///
/// Every schema change is a new migration appended to `migrator` (never an edit of an old one);
/// `version` counts them and is written to `PRAGMA user_version`. A store that lists a migration
/// this build does not know, or a higher `user_version`, was written by a newer trex and is
/// refused before anything is written (see `StoreOpener`). docs/store.md explains every table.
enum StoreSchema {
    /// The schema version this build writes: the number of registered migrations.
    static let version = 3

    /// `PRAGMA application_id`: "TREX" in ASCII, so `file(1)`-style tools and trex itself can
    /// tell a trex store from any other SQLite database.
    static let applicationID: Int32 = 0x5452_4558

    /// The migrations, in order. Identifiers are permanent; applied ones are listed in
    /// `grdb_migrations` (the table GRDB's `DatabaseMigrator` keeps, which wrote earlier stores).
    static let migrations: [(identifier: String, apply: @Sendable (Database) throws -> Void)] = [
        ("1-initial-schema", createVersion1),
        ("2-span-chunks", SchemaVersion2.migrate),
        ("3-written-trace-ids", SchemaVersion3.migrate),
    ]

    static var migrationIdentifiers: [String] { migrations.map(\.identifier) }

    /// Applies the migrations the store lacks, all in one immediate transaction that first reads
    /// which are applied. Returns how many it applied (0 when another process did it first).
    ///
    /// One transaction, so that two processes opening a new or an older store at once (two
    /// `trex import`s) never both apply a migration, and no reader ever sees a half-made schema:
    /// the second waits on the write lock (the busy timeout), then finds nothing left to do.
    /// (GRDB's `DatabaseMigrator` reads the applied list outside its transactions, which lets
    /// both processes run the first migration.)
    static func migrate(_ writer: DatabasePool) throws -> Int {
        try writer.writeWithoutTransaction { db in
            var applied = 0
            try db.inTransaction(.immediate) {
                try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
                let done = try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations")
                for migration in migrations where !done.contains(migration.identifier) {
                    try migration.apply(db)
                    try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)",
                                   arguments: [migration.identifier])
                    applied += 1
                }
                return .commit
            }
            return applied
        }
    }

    // MARK: - Version 1

    private static func createVersion1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE store_state (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                created_ns INTEGER NOT NULL,
                write_seq INTEGER NOT NULL,      -- bumped by every committed import batch
                gc_generation INTEGER NOT NULL   -- bumped when strings/resources/scopes are deleted
            );
            CREATE TABLE strings (
                id INTEGER PRIMARY KEY,          -- 0 is the empty string
                hash INTEGER NOT NULL,           -- StableHash.fnv1a of the UTF-8 bytes
                value TEXT NOT NULL
            );
            CREATE INDEX strings_by_hash ON strings(hash);
            CREATE TABLE resources (
                id INTEGER PRIMARY KEY,
                service_id INTEGER NOT NULL,     -- strings.id of service.name ('' when absent)
                schema_url_id INTEGER NOT NULL,
                dropped_attributes INTEGER NOT NULL,
                attributes BLOB NOT NULL,        -- attribute block (see docs/store.md)
                UNIQUE (attributes, schema_url_id, dropped_attributes)
            );
            CREATE TABLE scopes (
                id INTEGER PRIMARY KEY,
                name_id INTEGER NOT NULL,
                version_id INTEGER NOT NULL,
                schema_url_id INTEGER NOT NULL,
                dropped_attributes INTEGER NOT NULL,
                attributes BLOB NOT NULL,
                UNIQUE (name_id, version_id, attributes, schema_url_id, dropped_attributes)
            );
            CREATE TABLE traces (
                key INTEGER PRIMARY KEY,         -- spans.trace_key
                trace_id BLOB NOT NULL UNIQUE,   -- 16 bytes, big-endian
                start_ns INTEGER NOT NULL,       -- earliest span start
                end_ns INTEGER NOT NULL,         -- latest span end
                duration_ns INTEGER NOT NULL,
                span_count INTEGER NOT NULL,
                error_count INTEGER NOT NULL,
                root_index INTEGER NOT NULL,     -- TraceSummary.rootIndex
                single_root INTEGER NOT NULL,
                root_service_id INTEGER NOT NULL,
                root_name_id INTEGER NOT NULL,
                services BLOB NOT NULL,          -- varint string ids, in order of first appearance
                updated_ns INTEGER NOT NULL      -- wall clock of the last import that changed it
            );
            CREATE INDEX traces_by_start ON traces(start_ns);
            CREATE INDEX traces_by_duration ON traces(duration_ns);
            CREATE TABLE spans (
                id INTEGER PRIMARY KEY,
                trace_key INTEGER NOT NULL,      -- traces.key
                span_id INTEGER NOT NULL,        -- 8 bytes as a signed 64-bit bit pattern
                parent_id INTEGER NOT NULL,      -- 0 for a root
                start_ns INTEGER NOT NULL,
                duration_ns INTEGER NOT NULL,    -- end = start + duration
                service_id INTEGER NOT NULL,     -- the resource's service.name, for the index
                name_id INTEGER NOT NULL,
                kind INTEGER NOT NULL,
                status INTEGER NOT NULL,
                status_message_id INTEGER NOT NULL,
                trace_state_id INTEGER NOT NULL,
                flags INTEGER NOT NULL,
                markers INTEGER NOT NULL,
                dropped_attributes INTEGER NOT NULL,
                dropped_events INTEGER NOT NULL,
                dropped_links INTEGER NOT NULL,
                resource_id INTEGER NOT NULL,
                scope_id INTEGER NOT NULL,
                attributes BLOB,                 -- attribute block; NULL when none
                events BLOB,                     -- NULL when none
                links BLOB                       -- NULL when none
            );
            CREATE UNIQUE INDEX spans_by_trace ON spans(trace_key, span_id);
            CREATE INDEX spans_by_start ON spans(start_ns);
            -- Also serves duration alone, by skip-scan over the few services.
            CREATE INDEX spans_by_service ON spans(service_id, duration_ns);
            -- Serves kind alone (a prefix) and name alone (skip-scan over the six kinds).
            CREATE INDEX spans_by_kind_name ON spans(kind, name_id, duration_ns);
            -- ERROR and OK spans only: UNSET, the common case, is not worth indexing.
            CREATE INDEX spans_by_status ON spans(status) WHERE status <> 0;
            """)
        try db.execute(sql: "INSERT INTO store_state VALUES (1, ?, 0, 0)", arguments: [WallClock.nowNanos()])
        try db.execute(sql: "INSERT INTO strings (id, hash, value) VALUES (0, ?, '')",
                       arguments: [StoreStrings.hash(UnsafeBufferPointer(start: nil, count: 0))])
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        try db.execute(sql: "PRAGMA user_version = 1")
    }
}
