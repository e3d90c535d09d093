import Testing
@testable import TerminalCore

@Suite("Key decoding")
struct KeyDecoderTests {
    /// A made-up key code table standing in for the backend's curses constants.
    static let decoder = KeyDecoder(keyCodes: [258: .down, 259: .up, 338: .pageDown, 353: .backTab, 265: .f(1), 560: Key.up.with(.control)], resizeCode: 410)
    static let size = Size(width: 80, height: 24)

    func keys(_ raw: [RawKeyInput]) -> [InputEvent] { Self.decoder.decode(raw, terminalSize: Self.size) }
    func chars(_ text: String) -> [RawKeyInput] { text.unicodeScalars.map { .character($0.value) } }

    @Test("Printable characters, including UTF-8 beyond ASCII")
    func printable() {
        #expect(keys(chars("jG")) == [.key(.char("j")), .key(.char("G"))])
        #expect(keys(chars("é中😀")) == [.key(.char("é")), .key(.char("中")), .key(.char("😀"))])
        #expect(keys(chars(" ")) == [.key(.space)])
    }

    @Test("Control characters become ctrl keys and named keys")
    func controls() {
        #expect(keys([.character(3)]) == [.key(.ctrl("c"))])
        #expect(keys([.character(4)]) == [.key(.ctrl("d"))])
        #expect(keys([.character(21)]) == [.key(.ctrl("u"))])
        #expect(keys([.character(9)]) == [.key(.tab)])
        #expect(keys([.character(13)]) == [.key(.enter)])
        #expect(keys([.character(10)]) == [.key(.enter)])
        #expect(keys([.character(127)]) == [.key(.backspace)])
        #expect(keys([.character(8)]) == [.key(.backspace)])
        #expect(keys([.character(0)]) == [.key(Key(.character(" "), modifiers: .control))])
        #expect(keys([.character(31)]) == [.key(.ctrl("_"))])
        #expect(keys([.character(0x85)]).isEmpty)
    }

    @Test("Key codes come from the table; resize reports the size; unknown codes vanish")
    func keyCodes() {
        #expect(keys([.keyCode(258), .keyCode(338), .keyCode(353), .keyCode(265)]) == [.key(.down), .key(.pageDown), .key(.backTab), .key(.f(1))])
        #expect(keys([.keyCode(560)]) == [.key(Key.up.with(.control))])
        #expect(keys([.keyCode(410)]) == [.resize(Self.size)])
        #expect(keys([.keyCode(999)]).isEmpty)
    }

    @Test("A lone Esc, Esc Esc, and Esc before a key code")
    func escape() {
        #expect(keys([.character(27)]) == [.key(.escape)])
        #expect(keys([.character(27), .character(27)]) == [.key(.escape), .key(.escape)])
        #expect(keys([.character(27), .keyCode(259)]) == [.key(.escape), .key(.up)])
    }

    @Test("Esc followed at once by a character is alt")
    func alt() {
        #expect(keys([.character(27), .character(120)]) == [.key(.alt("x"))])
        #expect(keys([.character(27), .character(4)]) == [.key(Key.ctrl("d").with(.alt))])
        #expect(keys([.character(27), .character(91)]) == [.key(.alt("["))])
    }

    @Test("Raw CSI and SS3 sequences the terminal description did not decode")
    func sequences() {
        #expect(keys([.character(27)] + chars("[A")) == [.key(.up)])
        #expect(keys([.character(27)] + chars("OB")) == [.key(.down)])
        #expect(keys([.character(27)] + chars("[1;5C")) == [.key(Key.right.with(.control))])
        #expect(keys([.character(27)] + chars("[1;2D")) == [.key(Key.left.with(.shift))])
        #expect(keys([.character(27)] + chars("[5~")) == [.key(.pageUp)])
        #expect(keys([.character(27)] + chars("[6;3~")) == [.key(Key.pageDown.with(.alt))])
        #expect(keys([.character(27)] + chars("[3~")) == [.key(.delete)])
        #expect(keys([.character(27)] + chars("[Z")) == [.key(.backTab)])
        #expect(keys([.character(27)] + chars("OP")) == [.key(.f(1))])
        #expect(keys([.character(27)] + chars("[15~")) == [.key(.f(5))])
        #expect(keys([.character(27)] + chars("[24~")) == [.key(.f(12))])
        #expect(keys([.character(27)] + chars("[H") + [.character(27)] + chars("[4~")) == [.key(.home), .key(.end)])
        #expect(keys([.character(27)] + chars("[200~ab")) == [.key(.char("a")), .key(.char("b"))])
    }

    @Test("An incomplete or unknown sequence degrades to alt plus characters")
    func incomplete() {
        #expect(keys([.character(27)] + chars("[1;")) == [.key(.alt("[")), .key(.char("1")), .key(.char(";"))])
        #expect(keys([.character(27)] + chars("[9~")) == [.key(.alt("[")), .key(.char("9")), .key(.char("~"))])
    }

    @Test("Bursts mix keys, sequences and characters in order")
    func burst() {
        let raw: [RawKeyInput] = chars("jj") + [.keyCode(258), .character(27)] + chars("[B") + chars("q")
        #expect(keys(raw) == [.key(.char("j")), .key(.char("j")), .key(.down), .key(.down), .key(.char("q"))])
    }
}
