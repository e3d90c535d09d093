import GRDB
import GRDBSQLite

/// A prepared GRDB statement driven through SQLite's C API, for the import and load loops.
///
/// GRDB prepares and caches the statement (`Database.cachedStatement`) and owns the
/// connection, transactions and errors; the hot loops bind integers and blobs and step
/// directly, skipping the per-value `DatabaseValue` boxing of `StatementArguments`. Valid only
/// inside the GRDB access block that produced it.
struct RawStatement {
    let statement: Statement
    let handle: OpaquePointer
    let connection: OpaquePointer?

    init(_ db: Database, _ sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
        handle = statement.sqliteStatement
        connection = db.sqliteConnection
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    // MARK: - Binding (1-based parameter indices)

    @inline(__always)
    func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(handle, index, value) }

    @inline(__always)
    func bind(_ index: Int32, _ value: Int) { sqlite3_bind_int64(handle, index, Int64(value)) }

    @inline(__always)
    func bind(_ index: Int32, _ value: Double) { sqlite3_bind_double(handle, index, value) }

    @inline(__always)
    func bindNull(_ index: Int32) { sqlite3_bind_null(handle, index) }

    /// Binds bytes (copied by SQLite), or NULL when `nullIfEmpty` and there are none.
    func bind(_ index: Int32, blob: [UInt8], nullIfEmpty: Bool = false) {
        if blob.isEmpty {
            if nullIfEmpty { sqlite3_bind_null(handle, index) } else { sqlite3_bind_zeroblob(handle, index, 0) }
            return
        }
        blob.withUnsafeBytes { raw in
            _ = sqlite3_bind_blob(handle, index, raw.baseAddress, Int32(raw.count), Self.transient)
        }
    }

    /// Binds UTF-8 text (copied by SQLite).
    func bind(_ index: Int32, text: UnsafeBufferPointer<UInt8>) {
        // A non-nil pointer even for "" so the value is '' and not NULL.
        withUnsafePointer(to: 0 as UInt8) { empty in
            let base = text.baseAddress ?? empty
            base.withMemoryRebound(to: CChar.self, capacity: max(1, text.count)) { chars in
                _ = sqlite3_bind_text(handle, index, chars, Int32(text.count), Self.transient)
            }
        }
    }

    // MARK: - Running

    /// Steps once: true when a row is available, false when done. Throws SQLite's error.
    @inline(__always)
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        throw error(code)
    }

    /// Runs to completion and resets for the next use.
    func run() throws {
        defer { sqlite3_reset(handle) }
        while try step() {}
    }

    func reset() { sqlite3_reset(handle) }

    // MARK: - Reading the current row (0-based columns)

    @inline(__always)
    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    @inline(__always)
    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }

    @inline(__always)
    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    /// The column's bytes, valid until the next step or reset; nil for NULL or empty.
    @inline(__always)
    func blob(_ column: Int32) -> UnsafeRawBufferPointer? {
        guard let base = sqlite3_column_blob(handle, column) else { return nil }
        return UnsafeRawBufferPointer(start: base, count: Int(sqlite3_column_bytes(handle, column)))
    }

    /// The column's UTF-8 text, valid until the next step or reset (empty for NULL).
    @inline(__always)
    func text(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let base = sqlite3_column_text(handle, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: base, count: Int(sqlite3_column_bytes(handle, column)))
    }

    // MARK: - Internals

    private func error(_ code: Int32) -> DatabaseError {
        let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        sqlite3_reset(handle)
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }

    /// SQLITE_TRANSIENT: SQLite copies the bound bytes before the call returns.
    static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
}

/// The rowid of the last row a statement's connection inserted.
func sqlite3LastInsertRowID(_ statement: RawStatement) -> Int64 {
    sqlite3_last_insert_rowid(statement.connection)
}
