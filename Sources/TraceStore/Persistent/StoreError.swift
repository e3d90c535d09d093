import GRDB

/// Why the persistent store could not be opened, read or written, in words a person can act on.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing at the path (and the operation does not create a store).
    case noStore(path: String)
    /// The file exists but is not an SQLite database at all.
    case notADatabase(path: String)
    /// An SQLite database, but not one trex wrote (other tables, another application id).
    case notATrexStore(path: String, detail: String)
    /// Written by a newer trex: schema migrations this build does not know were applied.
    case newerSchema(path: String, found: Int, supported: Int, unknownMigrations: [String])
    /// SQLite reports damage ("database disk image is malformed"), or a row fails to decode.
    case corrupt(path: String, detail: String)
    /// The store needs a schema upgrade but was opened read-only.
    case needsUpgrade(path: String)
    /// The directory or file cannot be created or opened.
    case cannotOpen(path: String, reason: String)
    /// A write failed for want of space: the disk is full, or the file reached the process's
    /// file-size limit (`ulimit -f`). The transaction rolled back; earlier commits are kept.
    case noSpace(path: String, detail: String)
    /// Any other SQLite failure (locked for too long, an I/O error ...).
    case database(path: String, detail: String)

    public var description: String {
        switch self {
        case .noStore(let path):
            return "no trace store at \(path); import traces with `trex import FILE`"
        case .notADatabase(let path):
            return "\(path) is not a trex store: not an SQLite database (refusing to touch it)"
        case .notATrexStore(let path, let detail):
            return "\(path) is an SQLite database but not a trex store (\(detail)); refusing to touch it"
        case .newerSchema(let path, let found, let supported, let unknown):
            let names = unknown.isEmpty ? "" : " (unknown migrations: \(unknown.sorted().joined(separator: ", ")))"
            return "\(path) was written by a newer trex: store schema version \(found), this trex supports up to "
                + "\(supported)\(names); upgrade trex to open it (the store was not changed)"
        case .corrupt(let path, let detail):
            return "the trace store \(path) is damaged: \(detail); move it aside and re-import, "
                + "or try `sqlite3 \(path) .recover`"
        case .needsUpgrade(let path):
            return "the trace store \(path) has an older schema and needs an upgrade, but it is read-only"
        case .cannotOpen(let path, let reason):
            return "cannot open the trace store \(path): \(reason)"
        case .noSpace(let path, let detail):
            return "cannot write the trace store \(path): \(detail); the write was rolled back and the store "
                + "keeps everything committed before it (free some space, then run the command again)"
        case .database(let path, let detail):
            return "trace store \(path): \(detail)"
        }
    }

    /// Classifies an error thrown by GRDB or SQLite for the store at `path`.
    static func from(_ error: any Error, path: String) -> StoreError {
        if let store = error as? StoreError { return store }
        if let row = error as? CorruptRow { return .corrupt(path: path, detail: row.detail) }
        guard let db = error as? DatabaseError else { return .database(path: path, detail: "\(error)") }
        let detail = db.message ?? "\(db.resultCode)"
        switch db.resultCode {
        case .SQLITE_NOTADB: return .notADatabase(path: path)
        case .SQLITE_CORRUPT: return .corrupt(path: path, detail: detail)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: return .cannotOpen(path: path, reason: detail)
        case .SQLITE_FULL: return .noSpace(path: path, detail: "no space left on the device or over the file-size limit")
        case .SQLITE_IOERR where writeErrors.contains(db.extendedResultCode):
            // SQLite reports a write that fails with EFBIG (a file-size limit) as an I/O error.
            return .noSpace(path: path, detail: "no space left on the device or over the file-size limit (\(detail))")
        default: return .database(path: path, detail: detail)
        }
    }

    /// The I/O errors of writing or growing a file, which running out of space causes.
    static let writeErrors: [ResultCode] = [
        .SQLITE_IOERR_WRITE, .SQLITE_IOERR_FSYNC, .SQLITE_IOERR_TRUNCATE, .SQLITE_IOERR_SHMSIZE,
        .SQLITE_IOERR_DIR_FSYNC,
    ]

    /// Runs `body`, turning whatever it throws into a `StoreError` for `path`.
    static func wrap<T>(_ path: String, _ body: () throws -> T) throws(StoreError) -> T {
        do { return try body() } catch { throw from(error, path: path) }
    }
}

/// A blob or row that does not decode (thrown inside store code; surfaces as `.corrupt`).
struct CorruptRow: Error, CustomStringConvertible {
    var detail: String
    var description: String { detail }
}
