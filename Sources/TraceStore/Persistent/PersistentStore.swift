import GRDB
import TraceModel

/// The persistent trace library: an SQLite database (through GRDB) that imports accumulate
/// into and that every command and the explorer can read.
///
/// Opened in WAL mode through a `DatabasePool`: any number of readers (the explorer, `list`)
/// read a consistent snapshot while one import writes, in this process or another. See
/// docs/store.md for the schema. Thread-safe; share one instance.
public final class PersistentStore: Sendable {
    /// The database file.
    public let path: String
    let pool: DatabasePool

    private init(path: String, pool: DatabasePool) {
        self.path = path
        self.pool = pool
    }

    // MARK: - Opening

    /// Opens the store at `path`, creating it (and its directory) when `create` is true and
    /// nothing is there, and upgrading an older schema in place.
    ///
    /// - Throws: `.noStore` when missing and not creating; `.notADatabase`, `.notATrexStore`,
    ///   `.corrupt` for files that are not a healthy store; `.newerSchema` for a store written
    ///   by a newer trex (never modified); `.needsUpgrade` for an old store opened read-only.
    public static func open(at path: String, create: Bool = false, readOnly: Bool = false) throws(StoreError)
        -> PersistentStore {
        let size = try StoreLocation.fileSize(path)
        var state = StoreOpener.State.empty
        if let size {
            state = try StoreOpener.inspect(path, size: size)
        } else {
            guard create, !readOnly else { throw .noStore(path: path) }
            try StoreLocation.createParentDirectories(of: path)
            if try StoreCreation.createWhole(at: path) {
                return try open(at: path)
            }
        }
        if readOnly {
            if state == .empty { throw .noStore(path: path) }
            if state == .needsMigration { throw .needsUpgrade(path: path) }
        }
        let pool = try StoreError.wrap(path) {
            try DatabasePool(path: path, configuration: configuration(readOnly: readOnly, isNew: state == .empty))
        }
        var migrated = 0
        if state != .current {
            migrated = try StoreError.wrap(path) { try StoreSchema.migrate(pool) }
        }
        let store = PersistentStore(path: path, pool: pool)
        // An upgrade rewrites the stored spans: give the old pages back to the file system,
        // and let the planner know the new tables.
        if state == .needsMigration && migrated > 0 {
            try store.compact()
            try store.analyze()
        }
        return store
    }

    /// Opens an existing store for reading (read-only connections), first upgrading it in
    /// place when it has an older schema: what the commands and the explorer read through,
    /// so that the first of them after a trex upgrade migrates the store instead of refusing.
    ///
    /// - Throws: as `open(at:create:readOnly:)`; `.noStore` when nothing is there.
    public static func openForReading(at path: String) throws(StoreError) -> PersistentStore {
        if let size = try StoreLocation.fileSize(path), try StoreOpener.inspect(path, size: size) == .needsMigration {
            try open(at: path).close()
        }
        return try open(at: path, readOnly: true)
    }

    /// Opens the store at the default location (see `StoreLocation`).
    public static func openDefault(create: Bool = false) throws(StoreError) -> PersistentStore {
        try open(at: StoreLocation.defaultPath(), create: create)
    }

    /// Closes every connection (the last one checkpoints the WAL into the main file). Using
    /// the store afterwards throws.
    public func close() throws(StoreError) {
        try StoreError.wrap(path) { try pool.close() }
    }

    static func configuration(readOnly: Bool, isNew: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.label = "trex.store"
        // An import holds the write lock per batch; readers never wait in WAL mode.
        configuration.busyMode = .timeout(60)
        configuration.foreignKeysEnabled = false
        configuration.prepareDatabase { db in
            try StoreFunctions.register(db)
            // Sorts (index builds, ORDER BY) in memory rather than in temporary files.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            if !db.configuration.readonly {
                // After a checkpoint, the write-ahead log file shrinks back to this size.
                try db.execute(sql: "PRAGMA journal_size_limit = 67108864")
            }
            if isNew && !db.configuration.readonly {
                // Only effective before the first table exists: lets prune return space.
                try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
            }
        }
        return configuration
    }

    // MARK: - Access

    /// Runs `body` in a read transaction on a consistent snapshot.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        try StoreError.wrap(path) { try pool.read(body) }
    }

    /// Runs `body` on the writer connection, outside any transaction (it opens its own).
    func writeWithoutTransaction<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        try StoreError.wrap(path) { try pool.writeWithoutTransaction(body) }
    }

    /// Runs `body` in one immediate write transaction.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        try StoreError.wrap(path) {
            try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        }
    }

    // MARK: - Checks

    /// SQLite's `PRAGMA integrity_check` plus the store's own invariant that every trace's
    /// summary matches its spans. Empty when healthy. O(store).
    public func check() throws(StoreError) -> [String] {
        try read { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            problems += try StoreConsistency.problems(db)
            return problems
        }
    }
}
