import GRDB
import TraceModel

/// The importer's cached view of the `resources` and `scopes` tables, deduplicated by content.
///
/// Both tables are small (one row per distinct service instance or instrumentation library), so
/// the cache holds all of them: `reload` reads them whole at the start of a session and again
/// whenever another writer committed. The tables' UNIQUE constraints keep them deduplicated
/// even if a cache is stale.
final class StoreResources {
    struct ResourceKey: Hashable {
        var attributes: [UInt8]
        var schemaURL: Int64
        var dropped: Int64
    }

    struct ScopeKey: Hashable {
        var name: Int64
        var version: Int64
        var attributes: [UInt8]
        var schemaURL: Int64
        var dropped: Int64
    }

    /// A stored resource: its row id and its service name's string id.
    struct StoredResource {
        var id: Int64
        var serviceID: Int64
    }

    private var resources: [ResourceKey: StoredResource] = [:]
    private var scopes: [ScopeKey: Int64] = [:]
    /// Resource row id -> its service's string id.
    private var services: [Int64: Int64] = [:]
    private(set) var isLoaded = false

    func reset() {
        resources = [:]
        services = [:]
        scopes = [:]
        isLoaded = false
    }

    /// Reads both tables whole. O(rows).
    func reload(_ db: Database) throws {
        reset()
        let r = try RawStatement(db, "SELECT id, service_id, schema_url_id, dropped_attributes, attributes FROM resources")
        defer { r.reset() }
        while try r.step() {
            let key = ResourceKey(attributes: r.blob(4).map { Array($0) } ?? [], schemaURL: r.int64(2), dropped: r.int64(3))
            resources[key] = StoredResource(id: r.int64(0), serviceID: r.int64(1))
            services[r.int64(0)] = r.int64(1)
        }
        let s = try RawStatement(db, """
            SELECT id, name_id, version_id, schema_url_id, dropped_attributes, attributes FROM scopes
            """)
        defer { s.reset() }
        while try s.step() {
            let key = ScopeKey(name: s.int64(1), version: s.int64(2), attributes: s.blob(5).map { Array($0) } ?? [],
                               schemaURL: s.int64(3), dropped: s.int64(4))
            scopes[key] = s.int64(0)
        }
        isLoaded = true
    }

    /// The stored row for a resource, inserting it when new. O(attributes).
    func resource(_ key: ResourceKey, serviceID: Int64, _ db: Database) throws -> StoredResource {
        if let found = resources[key] { return found }
        let insert = try RawStatement(db, """
            INSERT INTO resources (service_id, schema_url_id, dropped_attributes, attributes) VALUES (?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """)
        insert.bind(1, serviceID)
        insert.bind(2, key.schemaURL)
        insert.bind(3, key.dropped)
        insert.bind(4, blob: key.attributes)
        try insert.run()
        let id: Int64
        if db.changesCount > 0 {
            id = db.lastInsertedRowID
        } else {
            let select = try RawStatement(db, """
                SELECT id FROM resources WHERE attributes = ? AND schema_url_id = ? AND dropped_attributes = ?
                """)
            select.bind(1, blob: key.attributes)
            select.bind(2, key.schemaURL)
            select.bind(3, key.dropped)
            id = try select.step() ? select.int64(0) : 0
            select.reset()
        }
        let stored = StoredResource(id: id, serviceID: serviceID)
        resources[key] = stored
        services[id] = serviceID
        return stored
    }

    /// The service string id of a stored resource (0 when the resource is unknown).
    func serviceID(ofResource id: Int64) -> Int64 { services[id] ?? 0 }

    /// The stored row id for a scope, inserting it when new. O(attributes).
    func scope(_ key: ScopeKey, _ db: Database) throws -> Int64 {
        if let found = scopes[key] { return found }
        let insert = try RawStatement(db, """
            INSERT INTO scopes (name_id, version_id, schema_url_id, dropped_attributes, attributes)
            VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """)
        insert.bind(1, key.name)
        insert.bind(2, key.version)
        insert.bind(3, key.schemaURL)
        insert.bind(4, key.dropped)
        insert.bind(5, blob: key.attributes)
        try insert.run()
        let id: Int64
        if db.changesCount > 0 {
            id = db.lastInsertedRowID
        } else {
            let select = try RawStatement(db, """
                SELECT id FROM scopes WHERE name_id = ? AND version_id = ? AND attributes = ? AND schema_url_id = ?
                AND dropped_attributes = ?
                """)
            select.bind(1, key.name)
            select.bind(2, key.version)
            select.bind(3, blob: key.attributes)
            select.bind(4, key.schemaURL)
            select.bind(5, key.dropped)
            id = try select.step() ? select.int64(0) : 0
            select.reset()
        }
        scopes[key] = id
        return id
    }
}
