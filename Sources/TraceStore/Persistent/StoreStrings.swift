import GRDB
import TraceModel

/// The importer's cached view of the `strings` table: which strings the store holds, and their
/// ids, so that each distinct string is looked up in SQLite at most once per import session.
///
/// *Complete* mode (the cache holds every stored string) needs no lookups at all: a string
/// missing from the cache is new. It is entered by preloading a store of moderate size, and
/// kept across commits by other writers by loading only the rows with ids above the highest
/// one seen (`catchUp`). For a very large store the cache starts empty and misses are looked
/// up through the `strings_by_hash` index. Must be `reset()` when strings may have been
/// deleted (the store's `gc_generation` changed) or a transaction rolled back.
final class StoreStrings {
    /// Local copies of the strings seen, interned; local ids index `storeIDs`.
    private var table = StringTable()
    private var storeIDs: [Int64] = [0]
    /// True when every row of the `strings` table is in `table`.
    private(set) var isComplete = false
    /// The highest store id in the cache (meaningful in complete mode).
    private var maxKnownID: Int64 = 0
    private var statements: (insert: RawStatement, lookup: RawStatement)?
    /// Strings this cache added to the store (ever; compare before and after a batch).
    private(set) var insertedCount = 0

    /// Stores with at most this many strings are preloaded (complete mode); larger ones are
    /// looked up string by string.
    static let preloadLimit: Int64 = 2_000_000

    /// The stable hash the `strings.hash` column holds.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64 {
        Int64(bitPattern: StableHash.fnv1a(bytes))
    }

    /// Forgets everything (after a rollback, or when strings may have been deleted).
    func reset() {
        table = StringTable()
        storeIDs = [0]
        isComplete = false
        maxKnownID = 0
    }

    /// Prepares the statements of one write transaction; call `detach()` before it ends.
    func attach(_ db: Database) throws {
        statements = (try RawStatement(db, "INSERT INTO strings (hash, value, number) VALUES (?, ?, ?)"),
                      try RawStatement(db, "SELECT id, value FROM strings WHERE hash = ?"))
    }

    func detach() { statements = nil }

    /// Brings the cache up to date at the start of a write transaction: a first preload when
    /// the store is small enough, or the rows other writers added since. O(new rows).
    func catchUp(_ db: Database, allowPreload: Bool = true) throws {
        if !isComplete {
            guard allowPreload, storeIDs.count == 1 else { return }
            let maxID = try Int64.fetchOne(db, sql: "SELECT max(id) FROM strings") ?? 0
            guard maxID <= Self.preloadLimit else { return }
        }
        let scan = try RawStatement(db, "SELECT id, value FROM strings WHERE id > ? ORDER BY id")
        scan.bind(1, maxKnownID)
        defer { scan.reset() }
        while try scan.step() {
            let id = scan.int64(0)
            let local = table.intern(utf8: scan.text(1))
            if Int(local.rawValue) == storeIDs.count { storeIDs.append(id) }
            maxKnownID = max(maxKnownID, id)
        }
        isComplete = true
    }

    /// The store id of a string, inserting it when the store does not have it. Amortized
    /// O(length). If it throws, the cache is out of step with the store: `reset()` it.
    func storeID(utf8 bytes: UnsafeBufferPointer<UInt8>) throws -> Int64 {
        // One probe of the local table: a new local id means the cache has not seen the string.
        let local = Int(table.intern(utf8: bytes).rawValue)
        if local < storeIDs.count { return storeIDs[local] }
        guard let statements else { preconditionFailure("StoreStrings used outside a write transaction") }
        let hash = Self.hash(bytes)
        if !isComplete, let found = try lookup(bytes, hash: hash, statements.lookup) {
            storeIDs.append(found)
            return found
        }
        statements.insert.bind(1, hash)
        statements.insert.bind(2, text: bytes)
        if let number = NumericText.value(bytes) {
            statements.insert.bind(3, number)
        } else {
            statements.insert.bindNull(3)
        }
        try statements.insert.run()
        insertedCount += 1
        let id = sqlite3LastInsertRowID(statements.insert)
        storeIDs.append(id)
        maxKnownID = max(maxKnownID, id)
        return id
    }

    private func lookup(_ bytes: UnsafeBufferPointer<UInt8>, hash: Int64, _ statement: RawStatement) throws -> Int64? {
        statement.bind(1, hash)
        defer { statement.reset() }
        while try statement.step() {
            let candidate = statement.text(1)
            if candidate.count == bytes.count, candidate.elementsEqual(bytes) { return statement.int64(0) }
        }
        return nil
    }
}
