import Testing
@testable import TerminalCore

@Suite("Glyphs and sub-cell bars")
struct GlyphsTests {
    @Test("The set follows the locale's character set")
    func choice() {
        #expect(Glyphs.forUTF8(true) == .unicode)
        #expect(Glyphs.forUTF8(false) == .ascii)
        #expect(TerminalCapabilities(isUTF8: false).glyphs == .ascii)
    }

    @Test("Every Unicode glyph is one column; every ASCII glyph is ASCII")
    func widths() {
        let unicode = Glyphs.unicode
        let all = [unicode.horizontal, unicode.vertical, unicode.topLeft, unicode.treeBranch, unicode.treeLast,
                   unicode.treeVertical, unicode.treeHorizontal, unicode.expanded, unicode.collapsed,
                   unicode.ellipsis, unicode.sortAscending, unicode.sortDescending, unicode.shade] + unicode.eighths
        #expect(all.allSatisfy { $0.displayWidth == 1 })
        let ascii = Glyphs.ascii
        let asciiAll = [ascii.horizontal, ascii.treeBranch, ascii.treeLast, ascii.expanded, ascii.collapsed,
                        ascii.ellipsis, ascii.shade] + ascii.eighths
        #expect(asciiAll.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
        #expect(unicode.eighths.count == 8 && ascii.eighths.count == 8)
        #expect(unicode.fullBlock == "█")
        #expect(unicode.eighthBlock(3) == "▍")
        #expect(unicode.eighthBlock(0) == nil)
    }

    @Test("A bar with fractional ends uses eighth blocks and an inverted left edge")
    func fractionalBar() {
        let pieces = SubcellBar.pieces(from: 3.25, to: 7.5, glyphs: .unicode)
        #expect(pieces.map(\.x) == [3, 4, 5, 6, 7])
        #expect(pieces.map(\.glyph) == ["▎", "█", "█", "█", "▌"])
        #expect(pieces.map(\.inverted) == [true, false, false, false, false])
    }

    @Test("A bar too short to see still shows one eighth")
    func tinyBar() {
        let pieces = SubcellBar.pieces(from: 10.0, to: 10.001, glyphs: .unicode)
        #expect(pieces == [SubcellBar.Piece(x: 10, glyph: "▏", inverted: false)])
        let inside = SubcellBar.pieces(from: 2.25, to: 2.5, glyphs: .unicode)
        #expect(inside == [SubcellBar.Piece(x: 2, glyph: "▎", inverted: false)])
    }

    @Test("ASCII bars round to whole cells and keep tiny bars visible")
    func asciiBar() {
        let pieces = SubcellBar.pieces(from: 3.25, to: 7.5, glyphs: .ascii)
        #expect(pieces.map(\.x) == [3, 4, 5, 6, 7])
        #expect(pieces.allSatisfy { $0.glyph == "#" && !$0.inverted })
        #expect(SubcellBar.pieces(from: 10.0, to: 10.1, glyphs: .ascii) == [SubcellBar.Piece(x: 10, glyph: "|", inverted: false)])
    }

    @Test("Bars are clipped to the limit")
    func limit() {
        let pieces = SubcellBar.pieces(from: 0, to: 100, glyphs: .unicode, limit: 10)
        #expect(pieces.count == 10)
        #expect(pieces.last?.x == 9)
        #expect(SubcellBar.pieces(from: 12, to: 13, glyphs: .unicode, limit: 10).map(\.x) == [9])
    }
}
