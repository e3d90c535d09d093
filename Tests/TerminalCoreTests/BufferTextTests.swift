import Testing
@testable import TerminalCore

@Suite("Buffer text rendering (capture-pane style)")
struct BufferTextTests {
    @Test("Trailing spaces are trimmed per line and empty rows stay")
    func trimming() {
        var buffer = Buffer(width: 10, height: 4)
        buffer.setString("title", x: 2, y: 0)
        buffer.setString("x", x: 9, y: 2)
        #expect(buffer.text == "  title\n\n         x\n")
        #expect(buffer.lineText(1) == "")
    }

    @Test("Wide characters appear once, combining marks stay attached")
    func wide() {
        var buffer = Buffer(width: 12, height: 1)
        buffer.setString("中文 e\u{301} 😀!", x: 0, y: 0)
        #expect(buffer.text == "中文 e\u{301} 😀!")
    }

    @Test("Styled blanks at the end of a line are trimmed like tmux does")
    func styledBlanks() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.fill(buffer.area, style: Style(attributes: .reverse))
        buffer.setString("ab", x: 0, y: 0, style: Style(attributes: .reverse))
        #expect(buffer.text == "ab")
    }

    @Test("A buffer built from lines renders back to them")
    func roundTrip() {
        let lines = ["┌──┐", "│中│", "└──┘"]
        #expect(Buffer(lines: lines).text == lines.joined(separator: "\n"))
    }
}
