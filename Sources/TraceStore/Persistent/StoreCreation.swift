#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GRDB

/// Makes a new store appear whole: the schema is built in a private file beside the target,
/// which is then hard-linked into place (atomic, and refused when something is already there).
///
/// Two processes creating one new store at once (two `trex import`s) used to race on the empty
/// file: switching a fresh file to WAL mode while the other process holds it can fail at once
/// with "database is locked", without waiting on the busy timeout (about 1 run in 4 of
/// `twoImportsCreatingOneNewStore`). With this, whoever links second finds a finished store and
/// opens it as any existing one; nobody ever opens a half-made file.
enum StoreCreation {
    /// Creates a store at `path` unless one appears there first. Returns normally in both cases;
    /// the caller then opens what is at `path`. Returns false when the file system cannot link
    /// (the caller then creates the store in place, as before).
    static func createWhole(at path: String) throws(StoreError) -> Bool {
        let draft = path + ".creating-\(getpid())"
        unlink(draft)
        defer {
            unlink(draft)
            unlink(draft + "-wal")
            unlink(draft + "-shm")
        }
        try StoreError.wrap(path) {
            let pool = try DatabasePool(path: draft,
                                        configuration: PersistentStore.configuration(readOnly: false, isNew: true))
            _ = try StoreSchema.migrate(pool)
            try pool.close()
        }
        if link(draft, path) == 0 { return true }
        switch errno {
        case EEXIST: return true
        case EPERM, EOPNOTSUPP, EXDEV, EMLINK: return false
        default: throw .cannotOpen(path: path, reason: FileReader.errorText(errno))
        }
    }
}
