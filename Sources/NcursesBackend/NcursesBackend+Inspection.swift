import CNcursesw
import TerminalCore

extension NcursesBackend {
    /// Row `y` of curses' own picture of the screen, trailing spaces trimmed (for tests on a pty).
    func screenLine(_ y: Int) -> String {
        let width = Int(getmaxx(window))
        var characters = [wchar_t](repeating: 0, count: width + 1)
        let count = mvwinnwstr(window, Int32(y), 0, &characters, Int32(width))
        guard count >= 0 else { return "" }
        var line = ""
        for value in characters.prefix(Int(count)) where value != 0 {
            if let scalar = Unicode.Scalar(UInt32(bitPattern: value)) { line.unicodeScalars.append(scalar) }
        }
        while line.last == " " { line.removeLast() }
        return line
    }

    /// Curses' picture of the whole screen as text, like `Buffer.text`.
    func screenText() -> String {
        (0..<size.height).map(screenLine).joined(separator: "\n")
    }
}
