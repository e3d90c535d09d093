import GRDB
import TraceModel

/// How the strings, resources and scopes of one `SpanTable` being imported map to store rows.
///
/// Dense arrays indexed by the table's own ids, filled on first use, so a span's fields map to
/// store ids with array reads. Cleared (`invalidate`) whenever the session's caches are.
struct SourceMapping: StoreStringMapping {
    let table: SpanTable
    let strings: StoreStrings
    private var stringIDs: [Int64]
    private var resourceRows: [StoreResources.StoredResource?]
    private var scopeRows: [Int64]

    init(table: SpanTable, strings: StoreStrings) {
        self.table = table
        self.strings = strings
        stringIDs = [Int64](repeating: -1, count: table.strings.count)
        resourceRows = Array(repeating: nil, count: table.resources.count)
        scopeRows = [Int64](repeating: -1, count: table.scopes.count)
    }

    /// Forgets every mapped id (the store's rows may have changed under them).
    mutating func invalidate() {
        for i in stringIDs.indices { stringIDs[i] = -1 }
        for i in resourceRows.indices { resourceRows[i] = nil }
        for i in scopeRows.indices { scopeRows[i] = -1 }
    }

    @inline(__always)
    mutating func storeID(_ id: StringID) throws -> Int64 {
        let cached = stringIDs[Int(id.rawValue)]
        if cached >= 0 { return cached }
        let stored = try table.strings.withUTF8(id) { try strings.storeID(utf8: $0) }
        stringIDs[Int(id.rawValue)] = stored
        return stored
    }

    /// The stored resource (row id and service string id) of a resource of the table.
    mutating func resource(_ index: UInt32, _ resources: StoreResources, _ db: Database) throws
        -> StoreResources.StoredResource {
        if let cached = resourceRows[Int(index)] { return cached }
        let r = table.resources[Int(index)]
        let key = StoreResources.ResourceKey(
            attributes: try AttributeEncoding.block(r.attributes, of: table, strings: &self),
            schemaURL: try storeID(r.schemaURL), dropped: Int64(r.droppedAttributesCount))
        let stored = try resources.resource(key, serviceID: try storeID(r.serviceName), db)
        resourceRows[Int(index)] = stored
        return stored
    }

    /// The stored row id of a scope of the table.
    mutating func scope(_ index: UInt32, _ resources: StoreResources, _ db: Database) throws -> Int64 {
        let cached = scopeRows[Int(index)]
        if cached >= 0 { return cached }
        let s = table.scopes[Int(index)]
        let key = StoreResources.ScopeKey(
            name: try storeID(s.name), version: try storeID(s.version),
            attributes: try AttributeEncoding.block(s.attributes, of: table, strings: &self),
            schemaURL: try storeID(s.schemaURL), dropped: Int64(s.droppedAttributesCount))
        let stored = try resources.scope(key, db)
        scopeRows[Int(index)] = stored
        return stored
    }
}
