#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser

/// Writes a whole file, atomically (a temporary file renamed into place).
enum OutputFile {
    static func write(_ bytes: [UInt8], to path: String) throws {
        let temporary = path + ".trex-tmp"
        guard let file = fopen(temporary, "wb") else {
            throw ValidationError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        let closed = fclose(file)
        guard written == bytes.count, closed == 0, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw ValidationError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
}
