#if canImport(Glibc)
import Glibc
#endif
import TerminalCore

/// Writing to standard output and standard error without Foundation, and leaving the process.
///
/// Text from trace data is escaped field by field where it is formatted (`visiblyEscaped`, and
/// `TextTable` escapes every cell), so a newline inside a value shows as `\n` while the layout's
/// own newlines stay. As a last line of defence the text writers here escape any control or bidi
/// character that still arrives (all but the layout's newlines and tabs, leaving backslashes
/// alone so nothing is escaped twice): no path from the data reaches the terminal raw.
enum FileHandleOutput {
    /// Writes a line to standard error.
    static func standardError(_ text: String) {
        var line = terminalSafe(text)
        if !line.hasSuffix("\n") { line += "\n" }
        writeAll(2, Array(line.utf8))
    }

    /// Writes a `trex: ` message quoting data (a warning, an error naming a file or a value) to
    /// standard error, the whole message escaped as one field: a newline in it shows as `\n`.
    static func message(_ text: String) {
        standardError("trex: " + text.visiblyEscaped)
    }

    /// Writes bytes to standard output as they are (JSON, which `JSONOutput` keeps terminal-safe).
    static func standardOutput(_ bytes: [UInt8]) { writeAll(1, bytes) }

    /// Writes text to standard output (no newline added), escaping any control or bidi character
    /// but the layout's newlines and tabs.
    static func standardOutput(_ text: String) { writeAll(1, Array(terminalSafe(text).utf8)) }

    /// `text` with every control and bidi character but newlines and tabs visibly escaped. A byte
    /// scan that returns `text` itself when there is nothing to escape. O(n).
    static func terminalSafe(_ text: String) -> String {
        VisibleEscapes.escaped(text, keeping: [.newlines, .tabs, .backslashes])
    }

    /// Unbuffered `write(2)` until everything is out (or the reader went away).
    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0, errno == EINTR { continue }
                if n <= 0 { return }
                offset += n
            }
        }
    }

    /// True when standard output is a terminal.
    static var standardOutputIsTerminal: Bool { isatty(1) == 1 }

    /// The width to lay text out in: COLUMNS, then the terminal's, then 160 when the output
    /// goes to a file or a pipe (where wrapping costs nothing and cut names would).
    static var terminalWidth: Int {
        if let text = getenv("COLUMNS").map({ String(cString: $0) }), let n = Int(text), n > 20 { return n }
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
        return 160
    }

    /// True when the locale's character set is UTF-8 (so box drawing and blocks can be used).
    static var localeIsUTF8: Bool {
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = getenv(name).map({ String(cString: $0) }), !value.isEmpty {
                let upper = value.uppercased()
                return upper.contains("UTF-8") || upper.contains("UTF8")
            }
        }
        return false
    }
}

func exitProcess(_ code: Int32) -> Never { exit(code) }
