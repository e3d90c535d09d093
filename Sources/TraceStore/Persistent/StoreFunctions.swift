import GRDB
import GRDBSQLite

/// SQL functions registered on every connection: the hooks the query pushdown uses to test
/// span chunks inside SQLite without decoding any string.
///
///     trex_chunk_match(attributes, spec)  -- 1 when some span of a chunk (its `attributes`
///                                            blob) satisfies an `AttributeMatchSpec`, else 0
///     trex_chunk_has_span(ids, span_id)   -- 1 when a chunk's span ids include span_id, else 0
///     trex_ids_contain(blob, id)          -- 1 when a varint id list (traces.services) holds
///                                            id, else 0
enum StoreFunctions {
    typealias Function = @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void

    static func register(_ db: Database) throws {
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
        let chunkMatch: Function = { context, _, argv in
            guard let argv, let blob = sqlite3_value_blob(argv[0]) else { sqlite3_result_int64(context, 0); return }
            guard let spec = StoreFunctions.spec(context, argv[1]) else {
                sqlite3_result_error(context, "trex_chunk_match: malformed spec", -1)
                return
            }
            let buffer = UnsafeRawBufferPointer(start: blob, count: Int(sqlite3_value_bytes(argv[0])))
            sqlite3_result_int64(context, spec.anySpanMatches(buffer) ? 1 : 0)
        }
        try create(db, "trex_chunk_match", chunkMatch)
        let hasSpan: Function = { context, _, argv in
            guard let argv, let blob = sqlite3_value_blob(argv[0]) else { sqlite3_result_int64(context, 0); return }
            let wanted = UInt64(bitPattern: sqlite3_value_int64(argv[1]))
            var reader = ByteReader(UnsafeRawBufferPointer(start: blob, count: Int(sqlite3_value_bytes(argv[0]))))
            while !reader.isAtEnd {
                if reader.fixed64() == wanted, reader.isValid { sqlite3_result_int64(context, 1); return }
            }
            sqlite3_result_int64(context, 0)
        }
        try create(db, "trex_chunk_has_span", hasSpan)
    }

    /// The decoded spec argument of `trex_chunk_match`, parsed once per statement (SQLite's
    /// auxiliary data keeps it while the argument stays the same).
    private static func spec(_ context: OpaquePointer?, _ value: OpaquePointer?) -> AttributeMatchSpec? {
        if let cached = sqlite3_get_auxdata(context, 1) {
            return Unmanaged<SpecBox>.fromOpaque(cached).takeUnretainedValue().spec
        }
        guard let bytes = sqlite3_value_blob(value),
              let spec = AttributeMatchSpec(blob: UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_value_bytes(value))))
        else { return nil }
        let box = Unmanaged.passRetained(SpecBox(spec)).toOpaque()
        sqlite3_set_auxdata(context, 1, box) { pointer in
            if let pointer { Unmanaged<SpecBox>.fromOpaque(pointer).release() }
        }
        return spec
    }

    private final class SpecBox {
        let spec: AttributeMatchSpec
        init(_ spec: AttributeMatchSpec) { self.spec = spec }
    }

    private static func create(_ db: Database, _ name: String, _ function: Function) throws {
        let code = sqlite3_create_function_v2(db.sqliteConnection, name, 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil,
                                              function, nil, nil, nil)
        guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot register \(name)") }
    }

}
