import GRDB

/// Deletes the strings, resources and scopes no span or trace refers to any more (after a
/// prune), in the caller's write transaction, and bumps `store_state.gc_generation` so that
/// importers drop their cached ids. O(store): every blob is scanned for string references.
enum StoreGarbageCollector {
    struct Result: Sendable, Hashable {
        var strings = 0
        var resources = 0
        var scopes = 0
    }

    static func collect(_ db: Database) throws -> Result {
        var result = Result()
        try db.execute(sql: "DELETE FROM resources WHERE id NOT IN (SELECT DISTINCT resource_id FROM spans)")
        result.resources = db.changesCount
        try db.execute(sql: "DELETE FROM scopes WHERE id NOT IN (SELECT DISTINCT scope_id FROM spans)")
        result.scopes = db.changesCount

        let maxID = Int(try Int64.fetchOne(db, sql: "SELECT max(id) FROM strings") ?? 0)
        var used = [Bool](repeating: false, count: maxID + 1)
        used[0] = true
        func mark(_ id: UInt64) { if id < UInt64(used.count) { used[Int(id)] = true } }

        let spans = try RawStatement(db, """
            SELECT name_id, service_id, status_message_id, trace_state_id, attributes, events, links FROM spans
            """)
        while try spans.step() {
            for column in Int32(0)..<4 { mark(UInt64(bitPattern: spans.int64(column))) }
            StringReferenceScan.attributeBlock(spans.blob(4), mark)
            StringReferenceScan.events(spans.blob(5), mark)
            StringReferenceScan.links(spans.blob(6), mark)
        }
        spans.reset()
        let traces = try RawStatement(db, "SELECT root_service_id, root_name_id, services FROM traces")
        while try traces.step() {
            mark(UInt64(bitPattern: traces.int64(0)))
            mark(UInt64(bitPattern: traces.int64(1)))
            StringReferenceScan.idList(traces.blob(2), mark)
        }
        traces.reset()
        let resources = try RawStatement(db, "SELECT service_id, schema_url_id, attributes FROM resources")
        while try resources.step() {
            mark(UInt64(bitPattern: resources.int64(0)))
            mark(UInt64(bitPattern: resources.int64(1)))
            StringReferenceScan.attributeBlock(resources.blob(2), mark)
        }
        resources.reset()
        let scopes = try RawStatement(db, "SELECT name_id, version_id, schema_url_id, attributes FROM scopes")
        while try scopes.step() {
            for column in Int32(0)..<3 { mark(UInt64(bitPattern: scopes.int64(column))) }
            StringReferenceScan.attributeBlock(scopes.blob(3), mark)
        }
        scopes.reset()

        let unused = try Int64.fetchAll(db, sql: "SELECT id FROM strings").filter { $0 >= 0 && !used[Int($0)] }
        let delete = try RawStatement(db, "DELETE FROM strings WHERE id = ?")
        for id in unused {
            delete.bind(1, id)
            try delete.run()
        }
        result.strings = unused.count
        if result != Result() {
            try db.execute(sql: "UPDATE store_state SET gc_generation = gc_generation + 1")
        }
        return result
    }
}
