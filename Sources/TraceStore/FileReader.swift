#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file (or standard input) into memory with plain `read(2)` calls.
public enum FileReader {
    public struct Failure: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Reads everything. O(size); one allocation when the size is known.
    public static func read(_ file: InputFile) throws(Failure) -> [UInt8] {
        let fd: Int32 = file.isStandardInput ? 0 : open(file.path, O_RDONLY)
        guard fd >= 0 else { throw Failure(path: file.path, reason: errorText(errno)) }
        defer { if !file.isStandardInput { close(fd) } }
        var readError: Int32 = 0
        // Known size: read straight into the final buffer (no second copy of a large file).
        var bytes = [UInt8](unsafeUninitializedCapacity: file.size) { buffer, count in
            var total = 0
            while total < buffer.count {
                let n = Glibc.read(fd, buffer.baseAddress! + total, buffer.count - total)
                if n < 0, errno == EINTR { continue }
                if n < 0 { readError = errno }
                if n <= 0 { break }
                total += n
            }
            count = total
        }
        if readError != 0 { throw Failure(path: file.path, reason: errorText(readError)) }
        // Standard input, or a file that grew while we read it.
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(path: file.path, reason: errorText(errno))
            }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    /// The C library's text for an errno value.
    public static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text).lowercased()
    }
}
