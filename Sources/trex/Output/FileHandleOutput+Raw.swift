#if canImport(Glibc)
import Glibc
#endif

extension FileHandleOutput {
    /// Writes text to standard error as it is (no newline added), for status lines.
    static func standardErrorRaw(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(2, raw.baseAddress! + offset, raw.count - offset)
                if n < 0, errno == EINTR { continue }
                if n <= 0 { return }
                offset += n
            }
        }
    }

    /// True when standard error is a terminal.
    static var standardErrorIsTerminal: Bool { isatty(2) == 1 }
}
