import Testing
@testable import TerminalCore

@Suite("Display width")
struct DisplayWidthTests {
    @Test("ASCII is one column a character")
    func ascii() {
        #expect("hello world".displayWidth == 11)
        #expect(Character("a").displayWidth == 1)
        #expect("".displayWidth == 0)
    }

    @Test("East Asian wide and fullwidth characters take two columns")
    func eastAsian() {
        #expect("中文".displayWidth == 4)
        #expect("日本語のテキスト".displayWidth == 16)
        #expect("한국어".displayWidth == 6)
        #expect("ＡＢ".displayWidth == 4)  // fullwidth Latin
        #expect("ｶﾀｶﾅ".displayWidth == 4)  // halfwidth katakana stay narrow
    }

    @Test("Emoji take two columns, including ZWJ sequences, VS16, modifiers and flags")
    func emoji() {
        #expect(Character("😀").displayWidth == 2)
        #expect(Character("👩‍💻").displayWidth == 2)
        #expect(Character("👨‍👩‍👧‍👦").displayWidth == 2)
        #expect(Character("❤️").displayWidth == 2)
        #expect(Character("❤").displayWidth == 1)  // text presentation without VS16
        #expect(Character("👍🏽").displayWidth == 2)
        #expect(Character("🇯🇵").displayWidth == 2)
        #expect(Character("1️⃣").displayWidth == 2)
        #expect("ok ✅ done".displayWidth == 10)
    }

    @Test("Combining marks and zero-width characters add nothing")
    func zeroWidth() {
        #expect(Character("e\u{301}").displayWidth == 1)
        #expect("e\u{301}te\u{301}".displayWidth == 3)
        #expect(DisplayWidth.of(Unicode.Scalar(0x301)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x200B)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x200D)!) == 0)
        #expect(Character("\u{1100}\u{1161}\u{11A8}").displayWidth == 2)  // Hangul syllable from jamo
    }

    @Test("Control characters are zero wide and flagged")
    func controls() {
        #expect(DisplayWidth.of(Unicode.Scalar(0x1B)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x7F)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x9B)!) == 0)
        #expect(DisplayWidth.isControl("\u{1B}"))
        #expect(DisplayWidth.isControl("\n"))
        #expect(DisplayWidth.isControl("\r\n"))
        #expect(!DisplayWidth.isControl("a"))
        #expect(!DisplayWidth.isControl("中"))
    }

    @Test("Characters drawn as visible escapes are as wide as the escape")
    func escapedWidths() {
        #expect(Character("\u{1B}").displayWidth == 2)
        #expect(Character("\r\n").displayWidth == 4)
        #expect(Character("\u{7F}").displayWidth == 4)
        #expect(Character("\u{9B}").displayWidth == 6)
        #expect(Character("\u{202E}").displayWidth == 8)
        #expect("a\u{1B}[2Jb".displayWidth == 7)
        #expect("x\u{2066}y".displayWidth == 10)
    }

    @Test("Ambiguous-width characters such as box drawing are narrow")
    func ambiguous() {
        #expect("─│┌└├…▏█░".displayWidth == 9)
        #expect("é".displayWidth == 1)
    }
}
