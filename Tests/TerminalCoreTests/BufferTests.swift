import Testing
@testable import TerminalCore

@Suite("Buffer cells and wide characters")
struct BufferTests {
    @Test("A new buffer is blank")
    func blank() {
        let buffer = Buffer(width: 4, height: 2)
        #expect(buffer.cells.count == 8)
        #expect(buffer.cells.allSatisfy { $0 == .blank })
        #expect(buffer.text == "\n")
    }

    @Test("A wide character takes its cell and a continuation")
    func wide() {
        var buffer = Buffer(width: 6, height: 1)
        #expect(buffer.set("中", x: 1, y: 0) == 2)
        #expect(buffer[1, 0].width == 2)
        #expect(buffer[2, 0].isContinuation)
        #expect(buffer.text == " 中")
    }

    @Test("Writing over the right half of a wide character clears its left half")
    func overwriteRightHalf() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.set("中", x: 1, y: 0)
        buffer.set("x", x: 2, y: 0)
        #expect(buffer[1, 0] == .blank)
        #expect(buffer[2, 0].character == "x")
        #expect(buffer.text == "  x")
    }

    @Test("Writing over the left half of a wide character clears its right half")
    func overwriteLeftHalf() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.set("中", x: 1, y: 0)
        buffer.set("x", x: 1, y: 0)
        #expect(buffer[2, 0] == .blank)
        #expect(buffer.text == " x")
    }

    @Test("A wide character overlapping two others clears both")
    func wideOverWide() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.setString("中文", x: 0, y: 0)
        buffer.set("日", x: 1, y: 0)
        #expect(buffer.text == " 日")
        #expect(buffer[0, 0] == .blank)
        #expect(buffer[3, 0] == .blank)
        #expect(!buffer[3, 0].isContinuation)
    }

    @Test("A wide character at the right edge becomes a blank")
    func wideAtEdge() {
        var buffer = Buffer(width: 3, height: 1)
        #expect(buffer.set("中", x: 2, y: 0) == 1)
        #expect(buffer[2, 0] == .blank)
    }

    @Test("Writes outside the grid are clipped")
    func clipping() {
        var buffer = Buffer(width: 3, height: 2)
        #expect(buffer.set("a", x: 3, y: 0) == 0)
        #expect(buffer.set("a", x: -1, y: 0) == 0)
        #expect(buffer.set("a", x: 0, y: 2) == 0)
        #expect(buffer[5, 5] == .blank)
        #expect(buffer.cells.allSatisfy { $0 == .blank })
    }

    @Test("Control characters are drawn as visible escapes, zero-width ones are dropped")
    func controls() {
        var buffer = Buffer(width: 12, height: 1)
        #expect(buffer.set("\u{1B}", x: 0, y: 0) == 2)
        #expect(buffer[0, 0].character == "\\")
        #expect(buffer[1, 0].character == "e")
        #expect(buffer.set("\u{200B}", x: 2, y: 0) == 0)
        #expect(buffer.set("\u{202E}", x: 2, y: 0) == 8)
        #expect(buffer.set("\u{9B}", x: 10, y: 0) == 2)  // clipped at the edge, never raw
        #expect(buffer.text == "\\e\\u{202E}\\u")
        #expect(buffer.cells.allSatisfy { !VisibleEscapes.isEscaped($0.character) })
        // Dim, so `\e` drawn for ESC is told apart from a backslash and an `e` in the text.
        #expect(buffer[0, 0].style.attributes.contains(.dim) && buffer[1, 0].style.attributes.contains(.dim))
        buffer.setString("\\e", x: 0, y: 0)
        #expect(!buffer[0, 0].style.attributes.contains(.dim))
    }

    @Test("Styles of both halves of a wide character change together")
    func wideStyle() {
        var buffer = Buffer(width: 4, height: 1)
        buffer.set("中", x: 0, y: 0)
        let bold = Style(attributes: .bold)
        buffer.setStyle(bold, x: 1, y: 0)
        #expect(buffer[0, 0].style == bold)
        #expect(buffer[1, 0].style == bold)
    }

    @Test("Resizing keeps the top-left part")
    func resize() {
        var buffer = Buffer(lines: ["abc中", "def"])
        buffer.resize(to: Size(width: 4, height: 3))
        #expect(buffer.text == "abc\ndef\n")
        buffer.resize(to: Size(width: 2, height: 1))
        #expect(buffer.text == "ab")
    }
}
