#if canImport(Glibc)
import Glibc
#endif

/// Small text files (history, themes): whole reads and atomic writes.
enum TextFile {
    /// The file's text, or nil when it cannot be read.
    static func read(_ path: String) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if n <= 0 { break }
            bytes += chunk[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes through a temporary file renamed into place, creating parent directories.
    @discardableResult
    static func writeAtomically(_ text: String, to path: String) -> Bool {
        var prefix = ""
        for part in path.split(separator: "/").dropLast() {
            prefix += "/" + part
            mkdir(prefix, 0o700)
        }
        let temporary = path + ".tmp"
        guard let file = fopen(temporary, "w") else { return false }
        _ = text.withCString { fputs($0, file) }
        guard fclose(file) == 0, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}
