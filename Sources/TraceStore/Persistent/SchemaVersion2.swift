import GRDB

/// Schema 2: a trace's spans in a few large rows (`span_chunks`), per-trace `facets` instead
/// of per-span secondary indexes, long attribute strings inline, and `strings.number` for
/// numeric comparisons. See docs/store.md.
///
/// The migration from schema 1 rewrites every stored span (O(store)), in the migration's
/// transaction: a store is either fully upgraded or left as it was.
enum SchemaVersion2 {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE span_chunks (
                id INTEGER PRIMARY KEY,          -- traces.key << 20 | chunk number
                span_count INTEGER NOT NULL,
                base_ns INTEGER NOT NULL,        -- span starts are stored relative to this
                ids BLOB NOT NULL,               -- span ids, 8 bytes each, little-endian
                records BLOB NOT NULL,           -- per span: varint length, SpanRecord
                attributes BLOB NOT NULL         -- per span: varint length, attribute block
            );
            CREATE TABLE facets (
                trace_key INTEGER NOT NULL,
                field INTEGER NOT NULL,          -- 0 service, 1 name, 2 kind, 3 status
                value INTEGER NOT NULL,          -- string id, or the kind's or status's number
                spans INTEGER NOT NULL,          -- spans of the trace with this value
                min_duration_ns INTEGER NOT NULL,
                max_duration_ns INTEGER NOT NULL,
                PRIMARY KEY (trace_key, field, value)
            ) WITHOUT ROWID;
            CREATE INDEX facets_by_value ON facets(field, value, max_duration_ns, min_duration_ns);
            ALTER TABLE strings ADD COLUMN number REAL;   -- the value of a string that reads as a number
            CREATE INDEX strings_by_number ON strings(number) WHERE number IS NOT NULL;
            ALTER TABLE traces ADD COLUMN last_start_ns INTEGER NOT NULL DEFAULT 0;
            """)
        try SchemaUpgrade2(db).run()
        try db.execute(sql: "DROP TABLE spans")
        _ = try StoreGarbageCollector.collect(db)
        try db.execute(sql: "PRAGMA user_version = 2")
    }
}
