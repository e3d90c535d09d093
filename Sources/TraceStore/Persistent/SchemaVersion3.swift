import GRDB

/// Schema 3: `written_trace_ids`, the text of trace ids that were not written as hex
/// (`trace-123`), so a stored trace is shown and found by what its file said
/// (`SpanTable.writtenTraceIDs`). Only such traces have a row. O(1): no existing row changes.
enum SchemaVersion3 {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE written_trace_ids (
                trace_key INTEGER PRIMARY KEY,   -- traces.key
                text TEXT NOT NULL               -- the id as its file wrote it
            );
            CREATE INDEX written_trace_ids_by_text ON written_trace_ids(text);
            PRAGMA user_version = 3;
            """)
    }
}
