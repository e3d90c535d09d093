import GRDB

/// The secondary indexes an import may defer: dropped while a large import runs and built
/// again in one pass at its end (sorting is cheaper than keeping several large B-trees up to
/// date span by span; see docs/store.md for the measurements).
///
/// A store without them is complete and correct, only slower to query: every reader falls
/// back to scans. Whatever leaves them missing (an import killed mid-way) is repaired by the
/// next import or prune, or by `PersistentStore.ensureIndexes()`.
enum StoreIndexes {
    /// Name and definition of each deferrable index, as the current schema defines them. A
    /// migration that changes one of them must change this list too (a test compares them).
    static let deferrable: [(name: String, sql: String)] = [
        ("strings_by_hash", "CREATE INDEX strings_by_hash ON strings(hash)"),
        ("facets_by_value", "CREATE INDEX facets_by_value ON facets(field, value, max_duration_ns, min_duration_ns)"),
    ]

    /// The deferrable indexes that do not exist. O(schema).
    static func missing(_ db: Database) throws -> [String] {
        let present = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'")
        return deferrable.map(\.name).filter { !present.contains($0) }
    }

    /// Drops them (inside the caller's transaction).
    static func drop(_ db: Database) throws {
        for index in deferrable { try db.execute(sql: "DROP INDEX IF EXISTS \(index.name)") }
    }

    /// Builds the missing ones (inside the caller's transaction). O(n log n) per index built.
    static func create(_ db: Database) throws {
        let missing = Set(try missing(db))
        guard !missing.isEmpty else { return }
        for index in deferrable where missing.contains(index.name) { try db.execute(sql: index.sql) }
    }
}

extension PersistentStore {
    /// Names of the secondary indexes missing (an import that deferred them is running, or was
    /// interrupted). Empty normally.
    public func missingIndexes() throws(StoreError) -> [String] {
        try read { db in try StoreIndexes.missing(db) }
    }

    /// Builds whichever secondary indexes are missing, in one transaction.
    /// O(n log n) for each index built; a no-op when none is missing.
    public func ensureIndexes() throws(StoreError) {
        guard try !missingIndexes().isEmpty else { return }
        try write { db in try StoreIndexes.create(db) }
    }
}
