import GRDB

/// Decides whether a file may be opened as a store, before anything writes to it.
///
/// Runs on a read-only connection (or on the file's first bytes), so a file that is not an
/// SQLite database, an SQLite database of another application, a damaged store and a store
/// written by a newer trex are all refused untouched.
enum StoreOpener {
    enum State: Equatable {
        /// No tables yet (a new or zero-length file): the migrations create everything.
        case empty
        /// Some known migrations are not applied yet.
        case needsMigration
        /// Every migration this build knows is applied, and no other.
        case current
    }

    /// The 16-byte magic every SQLite 3 database file starts with.
    static let sqliteMagic = Array("SQLite format 3\u{0}".utf8)

    /// Inspects an existing file. Throws `.notADatabase`, `.notATrexStore`, `.newerSchema` or
    /// `.corrupt`. O(size of the schema), never O(data).
    static func inspect(_ path: String, size: Int) throws(StoreError) -> State {
        if size == 0 { return .empty }
        guard try StoreLocation.header(path, count: 16) == sqliteMagic else { throw .notADatabase(path: path) }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        return try StoreError.wrap(path) {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in try state(db, path: path) }
        }
    }

    private static func state(_ db: Database, path: String) throws -> State {
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
            """)
        if tables.isEmpty && applicationID == 0 { return .empty }
        guard applicationID == StoreSchema.applicationID, tables.contains("grdb_migrations") else {
            let detail = applicationID != 0 && applicationID != StoreSchema.applicationID
                ? "application id \(applicationID)"
                : "tables: \(tables.prefix(6).joined(separator: ", "))\(tables.count > 6 ? ", ..." : "")"
            throw StoreError.notATrexStore(path: path, detail: detail)
        }
        let applied = try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations")
        let known = Set(StoreSchema.migrationIdentifiers)
        let unknown = applied.subtracting(known)
        if !unknown.isEmpty || userVersion > StoreSchema.version {
            throw StoreError.newerSchema(path: path, found: max(userVersion, applied.count),
                                         supported: StoreSchema.version, unknownMigrations: Array(unknown))
        }
        return applied == known ? .current : .needsMigration
    }
}
