import Testing
@testable import TerminalCore

@Suite("Drawing strings, spans, fills and borders")
struct BufferDrawingTests {
    @Test("setString clips at maxWidth and at the edge")
    func setStringClips() {
        var buffer = Buffer(width: 10, height: 2)
        #expect(buffer.setString("hello world", x: 0, y: 0, maxWidth: 5) == 5)
        #expect(buffer.setString("hello world", x: 6, y: 1) == 4)
        #expect(buffer.text == "hello\n      hell")
    }

    @Test("setString never splits a wide character at the limit")
    func setStringWide() {
        var buffer = Buffer(width: 10, height: 1)
        #expect(buffer.setString("ab中文", x: 0, y: 0, maxWidth: 5) == 4)
        #expect(buffer.text == "ab中")
    }

    @Test("setString draws tabs and other controls as visible escapes, counting their width")
    func setStringControls() {
        var buffer = Buffer(width: 20, height: 2)
        #expect(buffer.setString("a\tb\u{7}c\nd\r\ne", x: 0, y: 0) == 15)
        #expect(buffer.text.split(separator: "\n").first == "a\\tb\\ac\\nd\\r\\ne")
        // An escape that does not fit is left out whole, never cut to a lone backslash.
        #expect(buffer.setString("ab\u{1B}", x: 0, y: 1, maxWidth: 3) == 2)
        #expect(buffer.lineText(1) == "ab")
    }

    @Test("setTruncated counts escapes in the width, so the ellipsis lands where the text ends")
    func truncatedEscapes() {
        var buffer = Buffer(width: 10, height: 1)
        buffer.setTruncated("evil\u{1B}]0;PWNED\u{7}", x: 0, y: 0, width: 10)
        #expect(buffer.text == "evil\\e]0;…")
    }

    @Test("setString starting left of the screen shows the visible part")
    func setStringNegativeX() {
        var buffer = Buffer(width: 5, height: 1)
        buffer.setString("abcdef", x: -2, y: 0)
        #expect(buffer.text == "cdef")
    }

    @Test("setTruncated adds an ellipsis and aligns")
    func truncated() {
        var buffer = Buffer(width: 12, height: 3)
        buffer.setTruncated("checkout-service", x: 0, y: 0, width: 10)
        buffer.setTruncated("42 ms", x: 0, y: 1, width: 12, alignment: .right)
        buffer.setTruncated("mid", x: 0, y: 2, width: 11, alignment: .center)
        #expect(buffer.text == "checkout-…\n       42 ms\n    mid")
    }

    @Test("setTruncated with pad fills the field's background")
    func truncatedPad() {
        var buffer = Buffer(width: 8, height: 1)
        let selected = Style(attributes: .reverse)
        buffer.setTruncated("ab", x: 0, y: 0, width: 6, style: selected, pad: true)
        #expect(buffer[5, 0].style == selected)
        #expect(buffer[6, 0].style == .plain)
    }

    @Test("Spans keep their styles and the ellipsis takes the cut span's style")
    func spans() {
        var buffer = Buffer(width: 20, height: 2)
        let bold = Style(attributes: .bold)
        let dim = Style(attributes: .dim)
        buffer.setSpans([Span("svc", style: bold), " ", Span("GET /api/orders", style: dim)], x: 0, y: 0, width: 20)
        buffer.setSpans([Span("svc", style: bold), " ", Span("GET /api/orders", style: dim)], x: 0, y: 1, width: 10)
        #expect(buffer.text == "svc GET /api/orders\nsvc GET /…")
        #expect(buffer[0, 1].style == bold)
        #expect(buffer[9, 1].character == "…")
        #expect(buffer[9, 1].style == dim)
    }

    @Test("fill covers the clipped rectangle, wide characters included")
    func fill() {
        var buffer = Buffer(width: 5, height: 3)
        buffer.fill(Rect(x: 1, y: 1, width: 10, height: 1), with: "#")
        buffer.fill(Rect(x: 0, y: 2, width: 5, height: 1), with: "中")
        #expect(buffer.text == "\n ####\n中中")
    }

    @Test("updateStyle patches styles in a rectangle and keeps characters")
    func updateStyle() {
        var buffer = Buffer(lines: ["abc", "def"])
        buffer.updateStyle(in: Rect(x: 0, y: 1, width: 3, height: 1)) { $0.attributes.insert(.reverse) }
        #expect(buffer[1, 1].style.attributes == .reverse)
        #expect(buffer[1, 0].style == .plain)
        #expect(buffer.text == "abc\ndef")
    }

    @Test("Borders with Unicode and ASCII glyphs, and a title")
    func border() {
        var buffer = Buffer(width: 12, height: 3)
        let inner = buffer.drawBorder(buffer.area, glyphs: .unicode, title: "Help")
        #expect(inner == Rect(x: 1, y: 1, width: 10, height: 1))
        #expect(buffer.text == "┌ Help ────┐\n│          │\n└──────────┘")
        var ascii = Buffer(width: 6, height: 3)
        ascii.drawBorder(ascii.area, glyphs: .ascii)
        #expect(ascii.text == "+----+\n|    |\n+----+")
    }
}

@Suite("Widgets")
struct WidgetTests {
    struct Label: Widget {
        var text: String
        func render(in area: Rect, into buffer: inout Buffer) {
            buffer.setTruncated(text, x: area.x, y: area.y, width: area.width, alignment: .right)
        }
    }

    @Test("A widget draws only inside its area")
    func label() {
        var buffer = Buffer(width: 12, height: 2)
        buffer.render(Label(text: "status: loading"), in: Rect(x: 2, y: 1, width: 8, height: 1))
        #expect(buffer.text == "\n  status:…")
    }
}
