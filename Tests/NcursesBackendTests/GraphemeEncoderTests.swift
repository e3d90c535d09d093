import Testing
@testable import NcursesBackend
import TerminalCore

@Suite("What the backend hands to curses for each cell")
struct GraphemeEncoderTests {
    func pieces(_ character: Character, utf8: Bool = true) -> [[UInt32]] {
        GraphemeEncoder.pieces(for: Cell(character, width: UInt8(character.displayWidth), style: .plain), isUTF8: utf8)
    }

    @Test("Plain and wide characters pass through")
    func plain() {
        #expect(pieces("a") == [[0x61]])
        #expect(pieces("中") == [[0x4E2D]])
        #expect(pieces("😀") == [[0x1F600]])
    }

    @Test("Combining marks stay attached to their base")
    func combining() {
        #expect(pieces("e\u{301}") == [[0x65, 0x301]])
        #expect(pieces("\u{1100}\u{1161}\u{11A8}") == [[0x1100, 0x1161, 0x11A8]])
    }

    @Test("Emoji sequences are simplified to what every terminal draws two columns wide")
    func emoji() {
        #expect(pieces("👩‍💻") == [[0x1F469]])
        #expect(pieces("👍🏽") == [[0x1F44D]])
        #expect(pieces("❤️") == [[0x2764], [0x20]])
        #expect(pieces("1️⃣") == [[0x31], [0x20]])
        #expect(pieces("🇯🇵") == [[0x1F1EF], [0x1F1F5]])
    }

    @Test("Without UTF-8, anything beyond ASCII is a question mark per column")
    func ascii() {
        #expect(pieces("a", utf8: false) == [[0x61]])
        #expect(pieces("é", utf8: false) == [[0x3F]])
        #expect(pieces("中", utf8: false) == [[0x3F], [0x3F]])
    }

    @Test("Without UTF-8 (or with --ascii), the views' own symbols have ASCII stand-ins")
    func asciiStandIns() {
        #expect(pieces("…", utf8: false) == [[0x7E]])
        #expect(pieces("·", utf8: false) == [[0x2D]])
        #expect(pieces("✘", utf8: false) == [[0x58]])
        #expect(pieces("▓", utf8: false) == [[0x3D]])
        #expect(pieces("µ", utf8: false) == [[0x75]])
    }
}

@Suite("Colour pair allocation")
struct ColorPairCacheTests {
    @Test("Pairs are defined once, default colours are pair 0, and exhaustion falls back to 0")
    func pairs() {
        var defined: [[Int32]] = []
        var cache = ColorPairCache(limit: 3) { pair, fg, bg in defined.append([pair, fg, bg]) }
        #expect(cache.pair(foreground: .default, background: .default) == 0)
        #expect(cache.pair(foreground: .red, background: .default) == 1)
        #expect(cache.pair(foreground: .red, background: .default) == 1)
        #expect(cache.pair(foreground: .indexed(200), background: .blue) == 2)
        #expect(cache.pair(foreground: .green, background: .default) == 0)  // limit 3: pairs 1 and 2 only
        #expect(defined == [[1, 1, -1], [2, 200, 4]])
        #expect(cache.count == 2)
    }
}

@Suite("Start-up errors")
struct TerminalStartErrorTests {
    @Test("Every error exits with 2 and points to the non-interactive commands")
    func messages() {
        let errors: [TerminalStartError] = [
            .notATerminal(detail: "standard input and output are not terminals"),
            .cannotPositionCursor(terminal: "dumb"),
            .noTerminalDescription(terminal: "x", fallback: "xterm-256color"),
            .cursesFailed(detail: "newterm failed"),
        ]
        for error in errors {
            #expect(error.exitCode == 2)
            #expect(error.message.contains("trex list"))
        }
        #expect(TerminalStartError.cannotPositionCursor(terminal: "dumb").message.hasPrefix("the terminal type 'dumb' cannot position the cursor"))
    }
}
