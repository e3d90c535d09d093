import Foundation
import Testing
import TerminalCore
import TraceModel
import TestSupport
@testable import ExplorerUI

/// Trace data with control characters and bidi overrides is drawn as visible escapes on every
/// screen, never as the raw character (and never as a `?` that loses what it was).
@Suite struct HostileTextScreenTests {
    static let evil = "evil\u{1B}]0;PWNED\u{7}\u{1B}[2J\u{9B}1m\u{202E}rtl"
    static let shown = #"evil\e]0;PWNED\a\e[2J\u{9B}1m\u{202E}rtl"#

    static func table() -> SpanTable {
        var f = TraceFixture(trace: "hostile")
        f.span("root", service: evil, name: evil, start: 0, end: 100, kind: .server, status: .error,
               statusMessage: "bad\u{1B}[31m", attributes: ["note": .string("a\u{0}b\u{7F}c"), evil: .string(evil)])
        f.span("child", parent: "root", service: "db", name: "q\u{1B}]52;c;cHduZWQ=\u{7}", start: 10, end: 50)
        return f.build()
    }

    /// No cell holds a character the terminal would act on.
    static func expectNoRawCells(_ h: ExplorerHarness, sourceLocation: SourceLocation = #_sourceLocation) {
        let raw = h.frame.buffer.cells.filter { VisibleEscapes.isEscaped($0.character) }
        #expect(raw.isEmpty, "raw cells: \(raw.map(\.character))", sourceLocation: sourceLocation)
    }

    @Test func theTraceListAndItsHeaderShowEscapes() {
        let h = ExplorerHarness(table: Self.table(), width: 160, sources: ["trace\u{1B}[2J\u{202E}.json"])
        #expect(h.screen.contains(#"trace\e[2J\u{202E}.json"#), "the header names the file escaped:\n\(h.screen)")
        #expect(h.line(containing: #"evil\e]0;PWNED\a\e[2J"#) != nil, "\(h.screen)")
        Self.expectNoRawCells(h)
    }

    @Test func theWaterfallHeaderRowsAndDetailPaneShowEscapes() {
        let h = ExplorerHarness(table: Self.table(), width: 200, height: 50)
        h.press(.enter)
        #expect(h.screen.contains(#"q\e]52;c;cHduZWQ=\a"#), "the span row:\n\(h.screen)")
        let header = h.screen.split(separator: "\n").prefix(3).joined(separator: "\n")
        #expect(header.contains(#"evil\e]0;PWNED"#), "the header: \(header)")
        Self.expectNoRawCells(h)
        h.press(.tab)
        let screen = h.screen
        #expect(screen.contains(#"a\0b\x7fc"#), "an attribute value:\n\(screen)")
        #expect(screen.contains(#"bad\e[31m"#), "the status message")
        #expect(screen.contains(#"\u{9B}1m\u{202E}rtl"#), "the heading and the attribute")
        Self.expectNoRawCells(h)
    }

    @Test func theFilterBarEchoesABidiOverrideEscaped() {
        let h = ExplorerHarness(table: Self.table())
        h.press(.char("/"))
        h.type("name = \"x\u{202E}y\"")
        let line = h.line(containing: "name = ")
        #expect(line?.contains(#"name = "x\u{202E}y""#) == true, "\(line ?? h.screen)")
        Self.expectNoRawCells(h)
    }

    // MARK: - Multi-line values in the detail pane

    /// A 60-character value with 25 newlines: 26 lines holding 35 distinct characters.
    static let multiLine: String = {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghi")
        var lines: [String] = []
        var next = 0
        for n in 0..<26 {
            let take = n < 9 ? 2 : 1
            lines.append(String(letters[next..<(next + take)]))
            next += take
        }
        return lines.joined(separator: "\n")
    }()

    static let longLine = (0..<40).map { "word\($0)" }.joined(separator: " ") + " " + String(repeating: "x", count: 90)

    static func detailTable() -> SpanTable {
        var f = TraceFixture(trace: "values")
        f.span("root", service: "api", name: "GET /", start: 0, end: 100, kind: .server,
               attributes: ["a.multi": .string(multiLine), "b.long": .string(longLine), "c.tab": .string("x\ty\u{1B}")])
        return f.build()
    }

    /// The value column of the detail pane's rows from the row labelled `label` (at most `count`
    /// rows, ending before the next labelled row): the text right of the label column.
    static func valueRows(_ h: ExplorerHarness, from label: String, count: Int) -> [String] {
        let frame = h.frame
        let lines = frame.buffer.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let y = lines.firstIndex(where: { $0.contains("│ " + label) || $0.contains(" " + label + " ") }),
              let pane = lines[y].range(of: label) else { return [] }
        let labelColumn = lines[y].distance(from: lines[y].startIndex, to: pane.lowerBound)
        let paneWidth = frame.buffer.width - (labelColumn - 1)
        let valueColumn = labelColumn - 1 + 2 + SpanDetailRows.labelWidth(innerWidth: paneWidth - 2,
                                                                           longestLabel: longestLabel(h))
        var rows: [String] = []
        for row in y..<min(lines.count, y + count) {
            let labelCells = (labelColumn..<(valueColumn - 1)).map { frame.buffer[$0, row].character }
            if row > y, labelCells.contains(where: { $0 != " " }) { break }
            var text = ""
            for x in valueColumn..<(frame.buffer.width - 1) where !frame.buffer[x, row].isContinuation {
                text.append(frame.buffer[x, row].character)
            }
            while text.last == " " { text.removeLast() }
            rows.append(text)
        }
        return rows
    }

    /// The widest label of the selected span's detail, which sets the label column.
    static func longestLabel(_ h: ExplorerHarness) -> Int {
        guard let screen = h.app.traceScreen, let span = screen.selectedSpan else { return 0 }
        return SpanDetail(screen: screen, span: span).longestLabel
    }

    @Test func aValueWithNewlinesIsShownLineByLineWithNothingLost() {
        let h = ExplorerHarness(table: Self.detailTable(), width: 160, height: 60)
        h.press(.enter, .tab)
        let rows = Self.valueRows(h, from: "a.multi", count: 26)
        #expect(rows == Self.multiLine.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
                "\(h.screen)")
        #expect(rows.joined().count == 35, "every character is on screen")
    }

    @Test func aLongLineWrapsWithinThePane() {
        let h = ExplorerHarness(table: Self.detailTable(), width: 160, height: 60)
        h.press(.enter, .tab)
        let valueWidth = SpanDetailRows.valueWidth(paneWidth: h.app.traceScreen!.detailWidth, longestLabel: Self.longestLabel(h))
        let rows = Self.valueRows(h, from: "b.long", count: 12)
        #expect(rows.count > 3)
        #expect(rows.allSatisfy { $0.count <= valueWidth })
        // Nothing is lost: the rows hold every character of the value, in order.
        #expect(rows.joined().filter { $0 != " " } == Self.longLine.filter { $0 != " " })
        #expect(rows.first?.hasPrefix("word0 word1") == true, "breaks at spaces")
        let tab = Self.valueRows(h, from: "c.tab", count: 1)
        #expect(tab == [#"x\ty\e"#])
    }

    @Test("Wrapped rows never exceed the width, with wide characters and escapes after a space")
    func wrappedRowsFit() {
        for width in 6...14 {  // from the widest escape in the text (\u{9B}) up
            let text = "ab " + String(repeating: "中", count: 7) + " \u{1B}\u{1B}x\u{1B} 文字 a\nb"
                + " a bbbb\u{7F} a bbbbbb\u{9B}"
            let rows = SpanDetailRows.layout(text, width: width)
            #expect(rows.allSatisfy { $0.displayWidth <= width }, "\(width): \(rows)")
            #expect(rows.joined() == text.replacingOccurrences(of: "\n", with: ""), "nothing lost at \(width)")
        }
    }

    @Test func yOnAContinuationRowCopiesTheWholeValue() throws {
        let h = ExplorerHarness(table: Self.detailTable(), width: 160, height: 60)
        h.press(.enter, .tab, .backTab)
        let screen = try #require(h.app.traceScreen)
        let span = try #require(screen.selectedSpan)
        let lines = SpanDetail(screen: screen, span: span).lines
        let multi = try #require(lines.firstIndex { $0.label == "a.multi" })
        // Walk the cursor down to the fourth row of the value.
        for _ in 0..<200 {
            let state = try #require(h.app.traceScreen?.detail)
            if state.selected == multi && state.offset == 3 { break }
            h.press(.char("j"))
        }
        let state = try #require(h.app.traceScreen?.detail)
        #expect(state.selected == multi && state.offset == 3)
        // The highlighted row is the value's fourth line ("GH").
        let frame = h.frame
        let selection = RenderContext(theme: .standard, capabilities: h.capabilities).selected(
            RenderContext(theme: .standard, capabilities: h.capabilities).style(.text))
        let highlighted = (0..<frame.buffer.height).filter { y in
            let text = frame.buffer.lineText(y)
            return text.contains("GH") && (0..<frame.buffer.width).contains { frame.buffer[$0, y].style == selection }
        }
        #expect(highlighted.count == 1, "\(h.screen)")

        h.press(.char("y"))
        let copied = try #require(h.app.takeClipboardRequest())
        #expect(copied == Self.multiLine, "the whole value with its real newlines")
        let expected = Array("\u{1B}]52;c;".utf8) + Array(Data(Self.multiLine.utf8).base64EncodedString().utf8) + [0x07]
        #expect(ClipboardSequence.bytes(for: copied) == expected)
    }

    @Test func aSpanWithFewerLinesShowsItsHeadingWhereTheCursorWasBeyondItsEnd() {
        var f = TraceFixture(trace: "two")
        let many = Dictionary(uniqueKeysWithValues: (0..<40).map { ("key.\($0)", AttributeValue.string("v\($0)")) })
        f.span("root", service: "api", name: "GET /many", start: 0, end: 100, attributes: many)
        let fewer = Dictionary(uniqueKeysWithValues: (0..<15).map { ("key.\($0)", AttributeValue.string("v\($0)")) })
        f.span("leaf", parent: "root", service: "db", name: "SELECT few", start: 10, end: 20, attributes: fewer)
        let h = ExplorerHarness(table: f.build(), width: 120, height: 30)
        h.press(.enter, .tab, .backTab, .char("G"), .backTab, .char("j"))
        #expect(h.screen.contains("│ db SELECT few"), "\(h.screen)")
    }

    @Test func theCursorMovesOverEveryRowOfAWrappedValue() throws {
        let h = ExplorerHarness(table: Self.detailTable(), width: 160, height: 60)
        h.press(.enter, .tab, .backTab)
        let screen = try #require(h.app.traceScreen)
        let content = SpanDetail(screen: screen, span: try #require(screen.selectedSpan))
        let rows = SpanDetailRows(content, valueWidth: SpanDetailRows.valueWidth(paneWidth: screen.detailWidth,
                                                                              longestLabel: content.longestLabel))
        var visited = Set<Int>()
        for _ in 0..<(rows.rows.count + 2) {
            let state = try #require(h.app.traceScreen?.detail)
            visited.insert(rows.row(line: state.selected, offset: state.offset))
            h.press(.char("j"))
        }
        #expect(visited == Set(rows.rows.indices))
    }
}
