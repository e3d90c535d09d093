#if canImport(Glibc)
import Glibc
#endif
import TerminalCore

/// Draws the demo screen from the state.
struct DemoScreen {
    let state: DemoState
    let capabilities: TerminalCapabilities

    func render(into frame: inout Frame) {
        let glyphs = capabilities.glyphs
        let area = frame.area
        var buffer = frame.buffer
        let title = Style(foreground: .cyan, attributes: .bold)
        buffer.setTruncated("trex terminal demo", x: 0, y: 0, width: area.width, style: title, ellipsis: glyphs.ellipsis)
        let info = "size \(area.width)x\(area.height)  term \(capabilities.terminalName)  colours \(capabilities.colorMode.rawValue)  utf8 \(capabilities.isUTF8 ? "yes" : "no")  pid \(state.pid)"
        buffer.setTruncated(info, x: 0, y: 1, width: area.width, ellipsis: glyphs.ellipsis)
        buffer.setString("cjk: 中文テキスト|", x: 0, y: 3)
        buffer.setString("emoji: 😀 👩‍💻 ❤️ 🇯🇵 e\u{301}|", x: 0, y: 4)
        buffer.setString("bar: ", x: 0, y: 5)
        for piece in SubcellBar.pieces(from: 0.5, to: 10.375, glyphs: glyphs) {
            // An inverted piece shows the uncovered part: reverse video swaps it onto the bar colour.
            let style = Style(foreground: .green, attributes: piece.inverted ? .reverse : [])
            buffer.setString(piece.glyph, x: 5 + piece.x, y: 5, style: style)
        }
        buffer.setString("|", x: 16, y: 5)
        buffer.setString("eighths: " + glyphs.eighths.joined(), x: 0, y: 6)
        buffer.setString("tree: \(glyphs.treeBranch)\(glyphs.treeHorizontal) a  \(glyphs.treeLast)\(glyphs.treeHorizontal) b  \(glyphs.treeVertical)", x: 0, y: 7)
        buffer.setString("selected row", x: 0, y: 8, style: Style(foreground: .white, background: .blue).adding(.bold))
        buffer.setString("last key: \(state.lastKey)", x: 0, y: 10)
        buffer.setString("keys: \(state.keyCount)  resizes: \(state.resizes)  resumes: \(state.resumes)", x: 0, y: 11)
        buffer.setString("q quits, X crashes, F restores then crashes", x: 0, y: 12, style: Style(attributes: .dim))
        for (i, warning) in state.warnings.enumerated() {
            buffer.setTruncated("warning: \(warning)", x: 0, y: 13 + i, width: area.width, style: Style(foreground: .yellow), ellipsis: glyphs.ellipsis)
        }
        frame.buffer = buffer
    }

    /// The process environment as a dictionary.
    static func environment() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }
}

/// Writes a line to standard error (Glibc's `stderr` global is not concurrency-safe in Swift 6).
func printError(_ message: String) {
    var line = message + "\n"
    line.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
}
