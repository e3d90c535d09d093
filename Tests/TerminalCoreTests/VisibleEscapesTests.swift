import Testing
@testable import TerminalCore

@Suite struct VisibleEscapesTests {
    @Test("Controls, DEL, C1 and bidi characters get visible escapes; backslashes are doubled")
    func spellings() {
        #expect("evil\u{1B}]0;PWNED\u{7}\u{1B}[2J".visiblyEscaped == #"evil\e]0;PWNED\a\e[2J"#)
        #expect("\u{0}\u{8}\t\n\u{B}\u{C}\r".visiblyEscaped == #"\0\b\t\n\v\f\r"#)
        #expect("\u{1}\u{1F}\u{7F}".visiblyEscaped == #"\x01\x1f\x7f"#)
        #expect("\u{80}\u{9B}\u{9F}".visiblyEscaped == #"\u{80}\u{9B}\u{9F}"#)
        #expect("a\u{202E}b\u{2066}\u{2069}\u{200E}\u{200F}\u{61C}\u{202A}".visiblyEscaped
            == #"a\u{202E}b\u{2066}\u{2069}\u{200E}\u{200F}\u{61C}\u{202A}"#)
        #expect(#"C:\temp"#.visiblyEscaped == #"C:\\temp"#)
        #expect("\r\n".visiblyEscaped == #"\r\n"#)
    }

    @Test("Printable text, including non-ASCII letters and neighbours of the escaped ranges, is unchanged")
    func untouched() {
        for text in ["GET /checkout", "héllo wörld", "中文", "🙂", "\u{A0}nbsp", "\u{2065}\u{206A}\u{2029}\u{202F}\u{200D}\u{61B}\u{61D}", "ã\u{303}"] {
            #expect(!VisibleEscapes.needsEscaping(text))
            #expect(text.visiblyEscaped == text)
        }
    }

    @Test("Kept newlines, tabs and backslashes stay; everything else is still escaped")
    func keeping() {
        let text = "line 1\n\tline\\2\u{1B}[31m"
        #expect(VisibleEscapes.escaped(text, keeping: [.newlines, .tabs, .backslashes]) == "line 1\n\tline\\2\\e[31m")
        #expect(!VisibleEscapes.needsEscaping("a\n\tb\\c", keeping: [.newlines, .tabs, .backslashes]))
        #expect(VisibleEscapes.needsEscaping("a\n", keeping: [.tabs]))
    }

    @Test("The byte scan and the per-scalar rule agree on every scalar up to U+2FFF")
    func scanAgreesWithRule() {
        for value in UInt32(0)..<0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(Character(scalar)) + "b"
            let expected = VisibleEscapes.isEscaped(scalar) || value == 0x5C
            #expect(VisibleEscapes.needsEscaping(text) == expected, "U+\(String(value, radix: 16))")
        }
    }

    @Test("The byte-level escaper spells every scalar up to U+2FFF as the per-scalar rule does")
    func bytesAgreeWithScalars() {
        var text = ""
        var expected = ""
        for value in UInt32(0)..<0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            text.unicodeScalars.append(scalar)
            text += "a"
            if scalar == "\\" {
                expected += "\\\\"
            } else if VisibleEscapes.isEscaped(scalar) {
                #expect(VisibleEscapes.escape(scalar)?.hasPrefix("\\") == true)
                expected += VisibleEscapes.escape(scalar) ?? ""
            } else {
                expected.unicodeScalars.append(scalar)
            }
            expected += "a"
        }
        #expect(text.visiblyEscaped == expected)
        #expect(VisibleEscapes.escape("\u{202E}") == #"\u{202E}"#)
        #expect(VisibleEscapes.escape("\u{61C}") == #"\u{61C}"#)
        #expect(VisibleEscapes.escape("\u{85}") == #"\u{85}"#)
    }

    @Test("Escaped text never contains a raw control or bidi character")
    func neverRaw() {
        var all = ""
        for value in UInt32(0)..<0x2100 { if let s = Unicode.Scalar(value) { all.unicodeScalars.append(s) } }
        let escaped = all.visiblyEscaped
        #expect(!escaped.unicodeScalars.contains { VisibleEscapes.isEscaped($0) })
    }

    @Test("Units of escaped text are whole escapes or single characters")
    func units() {
        let text = "a\u{1B}\\\u{7F}\u{202E}b".visiblyEscaped
        #expect(text == #"a\e\\\x7f\u{202E}b"#)
        var units: [String] = []
        var index = text.startIndex
        while index < text.endIndex {
            let end = VisibleEscapes.unitEnd(in: text, at: index)
            units.append(String(text[index..<end]))
            index = end
        }
        #expect(units == ["a", #"\e"#, #"\\"#, #"\x7f"#, #"\u{202E}"#, "b"])
    }
}
