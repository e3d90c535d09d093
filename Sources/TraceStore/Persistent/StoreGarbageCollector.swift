import GRDB

/// Deletes the strings, resources and scopes no span or trace refers to any more (after a
/// prune), in the caller's write transaction, and bumps `store_state.gc_generation` so that
/// importers drop their cached ids. O(store): every span is scanned for string references.
enum StoreGarbageCollector {
    struct Result: Sendable, Hashable {
        var strings = 0
        var resources = 0
        var scopes = 0
    }

    static func collect(_ db: Database) throws -> Result {
        var result = Result()
        var usedResources = Set<Int64>()
        var usedScopes = Set<Int64>()
        let maxID = Int(try Int64.fetchOne(db, sql: "SELECT max(id) FROM strings") ?? 0)
        var used = [Bool](repeating: false, count: maxID + 1)
        used[0] = true
        func mark(_ id: UInt64) { if id < UInt64(used.count) { used[Int(id)] = true } }

        try ChunkScan.forEachSpan(db) { span in
            let r = span.record
            for id in [r.nameID, r.statusMessageID, r.traceStateID] { mark(UInt64(bitPattern: id)) }
            usedResources.insert(r.resourceID)
            usedScopes.insert(r.scopeID)
            StringReferenceScan.attributeBlock(span.attributes.slice, mark)
            StringReferenceScan.events(span.recordBytes.slice(r.events), mark)
            StringReferenceScan.links(span.recordBytes.slice(r.links), mark)
        }
        for (table, kept) in [("resources", usedResources), ("scopes", usedScopes)] {
            let unused = try Int64.fetchAll(db, sql: "SELECT id FROM \(table)").filter { !kept.contains($0) }
            let delete = try RawStatement(db, "DELETE FROM \(table) WHERE id = ?")
            for id in unused {
                delete.bind(1, id)
                try delete.run()
            }
            if table == "resources" { result.resources = unused.count } else { result.scopes = unused.count }
        }
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
