import Testing
import Foundation
import TerminalCore
import TraceModel
import TestSupport
@testable import ExplorerUI

@Suite struct TraceListScreenTests {
    @Test func listShowsOneRowPerTraceWithTheSortMarkerAndCounts() {
        let h = ExplorerHarness(table: SampleTraces.table())
        let screen = h.screen
        #expect(screen.contains("START▲"))
        #expect(h.line(containing: "GET_/checkout")?.contains("620ms") == true)
        #expect(h.line(containing: "POST_/login")?.contains("frontend") == true)
        #expect(screen.contains("2 traces · 9 spans"))
        #expect(screen.contains("fixture.json"))
        // The first row is selected: drawn in the selection style.
        let frame = h.frame
        let selection = RenderContext(theme: .standard, capabilities: h.capabilities).style(.selection)
        #expect(frame.buffer[5, 3].style.background == selection.background)   // below the overview, the p95 line and titles
    }

    @Test func sortKeysCycleColumnsAndReverse() {
        let h = ExplorerHarness(table: SampleTraces.table())
        h.press(.char("s"))
        #expect(h.screen.contains("SERVICE▲"))
        h.press(.char("s"), .char("s"))
        #expect(h.screen.contains("DURATION▼"))
        let rows = h.screen.split(separator: "\n").map(String.init)
        #expect(rows[3].contains("GET_/checkout"))
        h.press(.char("S"))
        #expect(h.screen.contains("DURATION▲"))
        #expect(h.screen.split(separator: "\n").map(String.init)[3].contains("POST_/login"))
    }

    @Test func errorCountsUseTheErrorStyle() {
        let h = ExplorerHarness(table: SampleTraces.table())
        if h.line(containing: "[1/2]") != nil, h.screen.split(separator: "\n")[3].contains("POST_/login") { h.press(.char("j")) }
        let frame = h.frame
        let error = RenderContext(theme: .standard, capabilities: h.capabilities).style(.error)
        let lines = frame.buffer.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let y = lines.firstIndex { $0.contains("POST_/login") }!
        // ERR column: find the "2" right after the span count.
        let row = frame.buffer.row(y)
        #expect(row.contains { $0.character == "2" && $0.style.foreground == error.foreground })
    }

    @Test func movementKeysMoveTheSelection() {
        let h = ExplorerHarness(table: SampleTraces.table())
        #expect(h.screen.contains("[1/2]"))
        h.press(.char("j"))
        #expect(h.screen.contains("[2/2]"))
        h.press(.char("g"))
        #expect(h.screen.contains("[1/2]"))
        h.press(.char("G"))
        #expect(h.screen.contains("[2/2]"))
        h.press(.up)
        #expect(h.screen.contains("[1/2]"))
    }
}

@Suite struct FilterBarScreenTests {
    @Test func aValidFilterShowsOnlyMatchingTracesWithTheirMatchCounts() {
        let h = ExplorerHarness(table: SampleTraces.table())
        h.press(.char("/"))
        #expect(h.screen.contains("filter traces:"))
        h.type("status = error")
        h.press(.enter)
        let screen = h.screen
        #expect(screen.contains("MATCH"))
        #expect(screen.contains("3 spans in 2 traces match."))
        h.press(.char("j"))
        #expect(h.screen.contains("2 of 2 traces match status = error"))
        h.press(.char("\\"))
        #expect(h.screen.contains("2 traces · 9 spans"))
    }

    @Test func aBadQueryShowsTheErrorWithACaretUnderItsColumnAndKeepsTheBarOpen() {
        let h = ExplorerHarness(table: SampleTraces.table())
        h.press(.char("/"))
        h.type("service = \"checkout\" AND Duraton > 5s")
        let lines = h.screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let input = lines.firstIndex { $0.hasPrefix("filter traces: ") }!
        let caretLine = lines[input + 1]
        let column = lines[input].distance(from: lines[input].startIndex, to: lines[input].range(of: "Duraton")!.lowerBound)
        #expect(Array(caretLine)[column] == "^")
        #expect(caretLine.contains("did you mean `duration`?"))
        h.press(.enter)
        #expect(h.screen.contains("filter traces: "), "Enter on a bad query keeps the bar open")
        h.press(.escape)
        #expect(!h.screen.contains("filter traces: "))
        #expect(h.screen.contains("2 traces · 9 spans"), "Esc cancels without filtering")
    }

    @Test func ctrlUClearsAndUpRecallsHistory() {
        let h = ExplorerHarness(table: SampleTraces.table())
        h.press(.char("/"))
        h.type("kind = server")
        h.press(.enter, .char("/"))
        h.press(.ctrl("u"))
        #expect(h.line(containing: "filter traces:")?.hasSuffix("filter traces:") == true)
        h.press(.up)
        #expect(h.line(containing: "filter traces:")?.contains("kind = server") == true)
    }

    @Test func anEmptyFilterClearsIt() {
        let h = ExplorerHarness(table: SampleTraces.table())
        h.press(.char("/"))
        h.type("status = error")
        h.press(.enter, .char("/"), .ctrl("u"), .enter)
        #expect(h.screen.contains("Filter cleared."))
    }

    @Test func aFilterThatMatchesNothingSaysWhy() {
        let h = ExplorerHarness(table: SampleTraces.table())
        h.press(.char("/"))
        h.type("service.name = \"chekout\"")
        h.press(.enter)
        #expect(h.screen.contains("No trace matches."))
        #expect(h.screen.contains("No trace matches the filter"))
    }
}

/// The live filter on patterns a backtracking engine explodes on: every keystroke re-checks the
/// query (compiling the regex) and Enter runs it, and neither freezes.
@Suite struct FilterBarRegexTests {
    static func table() -> SpanTable {
        var f = TraceFixture(trace: "long")
        f.span("long", service: "svc", name: String(repeating: "a", count: 20_000) + "!", start: 0, end: 10)
        f.inTrace("short")
        f.span("short", service: "svc", name: "aaa", start: 0, end: 10)
        return f.build()
    }

    @Test func aPathologicalPatternFiltersAtOnce() {
        let h = ExplorerHarness(table: Self.table())
        h.press(.char("/"))
        h.type(#"name =~ "(a+)+$" || name =~ ".*.*.*c""#)
        h.press(.enter)
        #expect(h.screen.contains("1 span in 1 trace matches."))
    }

    @Test func aRefusedPatternShowsWhyUnderItsPart() {
        let h = ExplorerHarness(table: Self.table())
        h.press(.char("/"))
        h.type(#"name =~ "(a)\\1""#)
        let lines = h.screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let input = lines.firstIndex { $0.hasPrefix("filter traces: ") }!
        let column = lines[input].distance(from: lines[input].startIndex, to: lines[input].range(of: #"\\1"#)!.lowerBound)
        #expect(Array(lines[input + 1])[column] == "^")
        #expect(h.screen.contains("backreferences"))
        #expect(h.screen.contains("linear time"))
        h.press(.enter)
        #expect(h.screen.contains("filter traces: "), "Enter on a refused pattern keeps the bar open")
    }
}

@Suite struct HelpOverlayTests {
    @Test func helpListsEveryKeyOfTheScreenFromItsKeymap() {
        let h = ExplorerHarness(table: SampleTraces.table(), width: 120, height: 60)
        h.press(.char("?"))
        let screen = h.screen
        for binding in Keymaps.traceList.sections.flatMap(\.bindings) {
            #expect(screen.contains(binding.command.summary), "help lacks \(binding.command)")
            #expect(screen.contains(binding.keyText), "help lacks \(binding.keyText)")
        }
        h.press(.escape)
        #expect(!h.screen.contains("Keys: Trace list"))
    }

    @Test func helpScrollsToItsLastEntryAt80x24() {
        let h = ExplorerHarness(table: SampleTraces.table(), width: 80, height: 24)
        h.press(.enter, .char("?"))
        #expect(h.screen.contains("Keys: Waterfall"))
        // j walks down to the end: every entry of every keymap the overlay lists shows on the way.
        var seen = h.screen
        for _ in 0..<200 {
            h.press(.char("j"))
            seen += h.screen
        }
        for keymap in [Keymaps.waterfall, Keymaps.filterBar, Keymaps.help] {
            for binding in keymap.sections.flatMap(\.bindings) {
                #expect(seen.contains(binding.command.summary), "\(keymap.name): \(binding.command) never shown")
            }
        }
        // G shows the last entry, g the first, PgDn pages.
        h.press(.char("g"))
        let top = h.screen
        #expect(top.contains("Tree"))
        h.press(.char("G"))
        #expect(h.screen.contains("go to the last row"))
        #expect(!h.screen.contains("collapse or expand the selected span"))
        h.press(.char("g"), .pageDown)
        #expect(h.screen != top)
        h.press(.char("?"))
        #expect(!h.screen.contains("Keys: Waterfall"))
    }

    @Test func theFilterBarsKeysComeFromItsKeymap() {
        let h = ExplorerHarness(table: SampleTraces.table(), width: 120, height: 30)
        h.press(.char("/"))
        h.type("status = error")
        h.press(.ctrl("a"), .ctrl("k"))   // start of line, delete to its end
        #expect(!h.screen.contains("status = error"))
        h.type("name = \"charge\"")
        h.press(.ctrl("w"))
        h.type("\"verify\"")
        h.press(.enter)
        #expect(h.screen.contains("1 span in 1 trace matches."), "\(h.screen)")
        #expect(h.screen.contains("POST_/login") && !h.screen.contains("GET_/checkout"))
    }

    @Test func keymapsHaveNoConflicts() {
        for keymap in Keymaps.all { #expect(keymap.conflicts.isEmpty, "\(keymap.name): \(keymap.conflicts)") }
    }

    @Test func everyBoundKeyIsDispatched() {
        // A binding whose key another binding shadows would never run: lookup must return the
        // binding's own command for each of its keys.
        for keymap in Keymaps.all {
            for binding in keymap.sections.flatMap(\.bindings) {
                for key in binding.keys { #expect(keymap.command(for: key) == binding.command) }
            }
        }
    }
}

@Suite struct ThemeTests {
    @Test func everyBundledThemeParsesAndSetsEveryRole() throws {
        for name in Theme.builtinNames {
            let theme = try ThemeResolver.resolve(name, environment: [:])
            for role in ThemeRole.themeRoles { #expect(theme.palette.styles[role] != nil, "\(name) lacks \(role)") }
        }
        #expect(Set(Theme.builtinNames) == ["dark", "light", "mono", "high-contrast", "colorblind"])
    }

    @Test func aBadThemeFileNamesTheLine() {
        #expect(throws: ThemeParser.Failure(source: "t", line: 3, message: "unknown role \"selecton\" (did you mean selection?)")) {
            try ThemeParser.parse("text = 252\n# comment\nselecton = 1\n", name: "t")
        }
        #expect(throws: ThemeParser.Failure(source: "t", line: 1, message: "unknown colour or attribute \"purple\"")) {
            try ThemeParser.parse("text = purple\n", name: "t")
        }
        #expect(throws: ThemeParser.Failure(source: "t", line: 2, message: "expected `role = style`, found \"text 252\"")) {
            try ThemeParser.parse("\ntext 252\n", name: "t")
        }
    }

    @Test func stylesParseColoursBackgroundsAndAttributes() throws {
        let theme = try ThemeParser.parse("selection = 255 on #0000ff bold\nerror = bright-red underline\n", name: "t")
        let selection = theme.palette.styles[.selection]!
        #expect(selection.foreground == .indexed(255))
        #expect(selection.background == .indexed(21))
        #expect(selection.attributes == .bold)
        #expect(theme.palette.styles[.error] == Style(foreground: .indexed(9), attributes: .underline))
    }

    @Test func serviceColoursAreStableAndMonoHasNone() {
        let theme = Theme.standard
        #expect(theme.serviceStyle("checkout", .color256) == theme.serviceStyle("checkout", .color256))
        #expect(theme.serviceStyle("checkout", .none) == .plain)
    }

    @Test func usersThemeDirectoryAndPathsAreFound() throws {
        let dir = "/tmp/trex-theme-test-\(UInt32.random(in: 0...UInt32.max))"
        #expect(TextFile.writeAtomically("text = 1\n", to: dir + "/trex/themes/mine.theme"))
        let theme = try ThemeResolver.resolve("mine", environment: ["XDG_CONFIG_HOME": dir])
        #expect(theme.palette.styles[.text]?.foreground == .indexed(1))
        let byPath = try ThemeResolver.resolve(dir + "/trex/themes/mine.theme", environment: [:])
        #expect(byPath.name == "mine")
        let fromEnvironment = try ThemeResolver.resolve(nil, environment: ["TREX_THEME": "light"])
        #expect(fromEnvironment.name == "light")
        #expect(throws: ThemeResolver.Failure.self) { try ThemeResolver.resolve("nope", environment: [:]) }
    }

    @Test func embeddedThemesMatchTheThemeFiles() throws {
        let root = URLPath.packageRoot
        for name in Theme.builtinNames {
            let file = try #require(TextFile.read(root + "/Themes/\(name).theme"), "Themes/\(name).theme")
            let normalized = file.split(separator: "\n", omittingEmptySubsequences: false)
                .map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
            #expect(BuiltinThemes.sources[name]! + "\n" == normalized, "run scripts/embed-themes after editing Themes/\(name).theme")
        }
    }
}

/// The package root, from this file's path.
enum URLPath {
    static var packageRoot: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }
}
