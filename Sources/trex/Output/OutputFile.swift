#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser

/// Writes a whole file atomically: into a temporary file beside it, renamed into place only
/// when everything was written, so a failed or interrupted export never leaves half a file.
final class OutputFile {
    private let path: String
    private let temporary: String
    private var file: UnsafeMutablePointer<FILE>?
    private var failed = false

    init(path: String) throws {
        self.path = path
        temporary = path + ".trex-tmp"
        guard let file = fopen(temporary, "wb") else {
            throw ValidationError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        self.file = file
    }

    deinit {
        if let file {
            fclose(file)
            unlink(temporary)
        }
    }

    /// Appends bytes (remembering a short write for `commit`).
    func append(_ bytes: [UInt8]) {
        guard let file, !bytes.isEmpty else { return }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        if written != bytes.count { failed = true }
    }

    /// Closes the file and renames it into place; throws (and removes it) when any write failed.
    func commit() throws {
        guard let file else { return }
        self.file = nil
        let closed = fclose(file)
        guard !failed, closed == 0, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw ValidationError("cannot write \(path): \(reason)")
        }
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        let file = try OutputFile(path: path)
        file.append(bytes)
        try file.commit()
    }
}
