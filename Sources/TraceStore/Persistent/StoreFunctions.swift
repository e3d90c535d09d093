import GRDB
import GRDBSQLite

/// SQL functions over the store's attribute blocks, registered on every connection: the hooks
/// the query pushdown uses to test attributes inside SQLite without decoding any string.
///
/// Keys and string values are store string ids (resolve a literal once with
/// `PersistentStore.stringID(for:)`). Each function reads the *first* entry with the key, as
/// `SpanTable.attribute(_:in:)` does, and returns NULL when the key is absent or the value has
/// another type; NULL blocks (no attributes) give NULL.
///
///     trex_attr_sid(block, key)   -- string id of a string value
///     trex_attr_int(block, key)   -- integer value
///     trex_attr_real(block, key)  -- integer or double value, as a double
///     trex_attr_bool(block, key)  -- 0 or 1 for a boolean value
///     trex_attr_tag(block, key)   -- the value's StoredValueTag, for any type
///     trex_ids_contain(blob, id)  -- 1 when a varint id list (traces.services) holds id, else 0
enum StoreFunctions {
    typealias Function = @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void

    static func register(_ db: Database) throws {
        try add(db, "trex_attr_sid") { context, found in
            if let v = found?.stringID { sqlite3_result_int64(context, v) } else { sqlite3_result_null(context) }
        }
        try add(db, "trex_attr_int") { context, found in
            if let v = found?.int { sqlite3_result_int64(context, v) } else { sqlite3_result_null(context) }
        }
        try add(db, "trex_attr_real") { context, found in
            if let v = found?.double { sqlite3_result_double(context, v) } else { sqlite3_result_null(context) }
        }
        try add(db, "trex_attr_bool") { context, found in
            if let v = found?.bool { sqlite3_result_int64(context, v ? 1 : 0) } else { sqlite3_result_null(context) }
        }
        try add(db, "trex_attr_tag") { context, found in
            if let v = found?.tag { sqlite3_result_int64(context, Int64(v.rawValue)) } else { sqlite3_result_null(context) }
        }
        let contains: Function = { context, _, argv in
            guard let argv, let blob = sqlite3_value_blob(argv[0]) else { sqlite3_result_int64(context, 0); return }
            let wanted = UInt64(bitPattern: sqlite3_value_int64(argv[1]))
            var reader = ByteReader(UnsafeRawBufferPointer(start: blob, count: Int(sqlite3_value_bytes(argv[0]))))
            while !reader.isAtEnd {
                if reader.varint() == wanted, reader.isValid { sqlite3_result_int64(context, 1); return }
            }
            sqlite3_result_int64(context, 0)
        }
        try create(db, "trex_ids_contain", contains)
    }

    /// Registers a two-argument function (block, key) whose result depends on the located value.
    private static func add(_ db: Database, _ name: String,
                            _ result: @escaping Result) throws {
        // A C function pointer cannot capture `result`; it travels as the function's user data.
        let box = Unmanaged.passRetained(ResultBox(result)).toOpaque()
        let function: Function = { context, _, argv in
            let box = Unmanaged<ResultBox>.fromOpaque(sqlite3_user_data(context)).takeUnretainedValue()
            guard let argv, let blob = sqlite3_value_blob(argv[0]) else { box.result(context, nil); return }
            let buffer = UnsafeRawBufferPointer(start: blob, count: Int(sqlite3_value_bytes(argv[0])))
            box.result(context, AttributeBlockScan.find(sqlite3_value_int64(argv[1]), in: buffer))
        }
        let destroy: @convention(c) (UnsafeMutableRawPointer?) -> Void = { pointer in
            if let pointer { Unmanaged<ResultBox>.fromOpaque(pointer).release() }
        }
        let code = sqlite3_create_function_v2(db.sqliteConnection, name, 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, box,
                                              function, nil, nil, destroy)
        guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot register \(name)") }
    }

    private static func create(_ db: Database, _ name: String, _ function: Function) throws {
        let code = sqlite3_create_function_v2(db.sqliteConnection, name, 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil,
                                              function, nil, nil, nil)
        guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot register \(name)") }
    }

    /// Sets a function's SQL result from the located value.
    typealias Result = @Sendable (OpaquePointer?, AttributeBlockScan.Found?) -> Void

    private final class ResultBox: Sendable {
        let result: Result
        init(_ result: @escaping Result) { self.result = result }
    }
}
