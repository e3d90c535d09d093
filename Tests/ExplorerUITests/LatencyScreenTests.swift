import Testing
import TerminalCore
import TraceModel
import TestSupport
@testable import ExplorerUI

/// The latency screen in the cell grid: `L` from the list and from a waterfall and back, the
/// scatter and the heatmap (golden screens at 80x24 and 160x50), errors in the error role, the
/// rectangle from the keys and the mouse listing exactly the traces inside it, beside a filter,
/// `\` clearing it first; ASCII and hostile names.
@Suite struct LatencyScreenTests {
    /// Four traces in the plot's corners: early and late, fast (10 ms) and slow (1 s).
    static func corners() -> SpanTable {
        LatencyTraces.table([
            .init(start: 0, duration: 10, name: "fast-early"),
            .init(start: 0, duration: 1_000, name: "slow-early"),
            .init(start: 60_000, duration: 10, name: "fast-late"),
            .init(start: 60_000, duration: 1_000, error: true, name: "slow-late"),
        ])
    }

    /// The root names the list shows, in its order.
    static func listed(_ h: ExplorerHarness) -> [String] {
        guard case .ready(let list) = h.app.phase else { return [] }
        return list.state.rows.map { list.listing.strings[list.listing.summaries[$0].rootName] }
    }

    static func statusLine(_ h: ExplorerHarness) -> String { h.frame.buffer.lineText(h.size.height - 2) }

    /// What the list's status line says once the message after a key has gone.
    static func listSummary(_ h: ExplorerHarness) -> String {
        guard case .ready(let list) = h.app.phase else { return "" }
        return list.summaryText
    }

    /// Moves the cursor as far as it goes: `dx`, `dy` of -1, 0 or 1.
    static func toEdge(_ h: ExplorerHarness, dx: Int = 0, dy: Int = 0) {
        for _ in 0..<200 {
            if dx != 0 { h.press(.char(dx < 0 ? "h" : "l")) }
            if dy != 0 { h.press(.char(dy < 0 ? "k" : "j")) }
        }
    }

    // MARK: - Golden screens

    @Test func theScatterAtBothSizes() throws {
        let wide = ExplorerHarness(table: LatencyTraces.busy(), width: 160, height: 50)
        wide.press(.char("L"))
        #expect(wide.screen.contains("Latency over time · 240 traces, 12 with errors · scatter · log durations"), "\(wide.screen)")
        #expect(wide.screen.contains("UTC") && wide.screen.contains("100ms ┤"), "\(wide.screen)")
        try GoldenScreen.check(wide.screen, named: "latency-scatter-160x50")
        let narrow = ExplorerHarness(table: LatencyTraces.busy(), width: 80, height: 24)
        narrow.press(.char("L"))
        try GoldenScreen.check(narrow.screen, named: "latency-scatter-80x24")
    }

    @Test func theHeatmapAtBothSizesLinearWithARectangle() throws {
        let wide = ExplorerHarness(table: LatencyTraces.busy(), width: 160, height: 50)
        wide.press(.char("L"), .tab)
        #expect(wide.screen.contains("· heatmap · log durations"))
        #expect(wide.screen.contains("traces per cell"), "the legend of shades")
        try GoldenScreen.check(wide.screen, named: "latency-heatmap-160x50")
        let narrow = ExplorerHarness(table: LatencyTraces.busy(), width: 80, height: 24)
        narrow.press(.char("L"), .tab, .char("a"), .char("v"))
        for _ in 0..<6 { narrow.press(.char("l"), .char("k")) }
        #expect(Self.statusLine(narrow).contains("Rectangle: "), "\(narrow.screen)")
        try GoldenScreen.check(narrow.screen, named: "latency-heatmap-linear-80x24")
    }

    // MARK: - Drawing

    @Test func cellsHoldingAnErrorTraceAreInTheErrorRoleTheOthersInTheBarRole() throws {
        let h = ExplorerHarness(table: LatencyTraces.busy(), width: 160, height: 50)
        h.press(.char("L"))
        let screen = try #require(h.app.latency)
        let grid = try #require(screen.grid)
        let context = RenderContext(theme: h.app.theme, capabilities: h.capabilities)
        let buffer = h.frame.buffer
        var failing = Set<Point>(), drawn = Set<Point>()
        for i in 0..<screen.points.count {
            let cell = grid.cell(start: screen.points.starts[i], duration: screen.points.durations[i])
            drawn.insert(cell)
            if screen.points.errors[i] { failing.insert(cell) }
        }
        #expect(failing.count >= 5, "the fixture fails every 20th trace")
        for cell in drawn where cell != screen.cursor {
            let style = buffer[grid.plot.x + cell.x, grid.plot.y + cell.y].style
            #expect(style == context.style(failing.contains(cell) ? .error : .bar), "cell \(cell)")
        }
        // And nothing is drawn where no trace is.
        for row in 0..<grid.plot.height {
            for column in 0..<grid.plot.width where !drawn.contains(Point(x: column, y: row)) && Point(x: column, y: row) != screen.cursor {
                #expect(buffer[grid.plot.x + column, grid.plot.y + row].character == " ")
            }
        }
    }

    @Test func withoutUTF8ThePlotIsASCII() {
        let h = ExplorerHarness(table: LatencyTraces.busy(), width: 100, height: 30, utf8: false)
        h.press(.char("L"))
        let plot = h.screen.split(separator: "\n").dropLast(2).joined(separator: "\n")
        #expect(!plot.unicodeScalars.contains { (0x2800...0x28FF).contains($0.value) }, "no braille:\n\(plot)")
        h.press(.tab)
        let heatmap = h.screen
        #expect(!heatmap.unicodeScalars.contains { "░▒▓█".unicodeScalars.contains($0) }, "\(heatmap)")
        #expect(heatmap.contains("#") || heatmap.contains("+"), "ASCII shades:\n\(heatmap)")
    }

    @Test func hostileNamesReachTheStatusLineEscaped() {
        let h = ExplorerHarness(table: HostileTextScreenTests.table(), width: 160, height: 40)
        h.press(.char("L"))
        #expect(Self.statusLine(h).contains(#"evil\e]0;PWNED\a\e[2J"#), "\(Self.statusLine(h))")
        HostileTextScreenTests.expectNoRawCells(h)
    }

    @Test func extremeTimesAreAllDrawnAndAWholePlotRectangleListsThemAll() throws {
        // Thirty traces whose starts and ends are anywhere in Int64 (negative durations among them).
        var rng = SplitMix64(seed: 0x1A7E)
        var f = TraceFixture()
        for i in 0..<30 {
            f.inTrace("extreme-\(i)")
            f.span("s\(i)", service: "edge", at: Timestamp(unixNanos: ExtremeTimes.time(&rng)),
                   until: Timestamp(unixNanos: ExtremeTimes.time(&rng)), status: i % 4 == 0 ? .error : .unset)
        }
        let h = ExplorerHarness(table: f.build(), width: 100, height: 30)
        h.press(.char("L"))
        for key in [nil, Key.char("a"), .tab, .char("a")] {
            if let key { h.press(key) }
            let grid = try #require(h.app.latency?.grid)
            #expect(grid.counts.reduce(0) { $0 + Int($1) } == 30, "every trace in a cell")
            #expect(!h.screen.isEmpty)
        }
        // From the top left corner to the bottom right: all of them.
        Self.toEdge(h, dx: -1, dy: -1)
        h.press(.char("v"))
        Self.toEdge(h, dx: 1, dy: 1)
        #expect(Self.statusLine(h).contains("Rectangle: 30 traces"), "\(Self.statusLine(h))")
        h.press(.enter)
        #expect(Self.listed(h).count == 30)
    }

    @Test func aSingleInstantIsDrawnInTheMiddleColumnWithZeroDurationsAtTheBottom() throws {
        let h = ExplorerHarness(table: LatencyTraces.table([.init(start: 0, duration: 0), .init(start: 0, duration: 10),
                                                            .init(start: 0, duration: 1_000)]))
        h.press(.char("L"))
        let screen = try #require(h.app.latency)
        let grid = try #require(screen.grid)
        let cells = (0..<3).map { grid.cell(start: screen.points.starts[$0], duration: screen.points.durations[$0]) }
        #expect(cells.allSatisfy { $0.x == grid.plot.width / 2 }, "\(cells) of \(grid.plot.width)")
        let zero = try #require(screen.points.durations.firstIndex(of: 0))
        #expect(cells[zero].y == grid.plot.height - 1, "0 ns in the lowest row")
        #expect(Set(cells.map(\.y)).count == 3)
    }

    // MARK: - Reaching it and leaving

    @Test func fromTheListAndBackWithEscQAndL() {
        let h = ExplorerHarness(table: Self.corners())
        for close in [Key.escape, .char("q"), .char("L")] {
            h.press(.char("L"))
            #expect(h.app.latency != nil && h.screen.contains("Latency over time · 4 traces"))
            h.press(close)
            #expect(h.app.latency == nil, "\(close) closes")
            #expect(h.screen.contains("START▲"))
        }
        #expect(Keymaps.traceList.command(for: .char("L")) == .openLatency)
        #expect(Keymaps.waterfall.command(for: .char("L")) == .openLatency)
    }

    @Test func fromAWaterfallOnTheOpenTracesCellAndBackToIt() throws {
        let h = ExplorerHarness(table: Self.corners())
        h.press(.char("j"), .char("j"), .enter)
        let trace = try #require(h.app.traceScreen?.trace.id)
        h.press(.char("L"))
        #expect(Self.statusLine(h).contains("1 trace ·"), "\(Self.statusLine(h))")
        guard case .ready(let list) = h.app.phase else { return }
        let summary = try #require(list.listing.summaries.first { $0.traceID == trace })
        let name = list.listing.strings[summary.rootName]
        #expect(Self.statusLine(h).contains(name), "the cursor starts on the open trace: \(Self.statusLine(h))")
        h.press(.escape)
        #expect(h.app.latency == nil && h.app.traceScreen?.trace.id == trace)
    }

    @Test func escDropsTheRectangleFirst() {
        let h = ExplorerHarness(table: Self.corners())
        h.press(.char("L"), .char("v"), .char("l"))
        #expect(h.app.latency?.anchor != nil)
        h.press(.escape)
        #expect(h.app.latency != nil && h.app.latency?.anchor == nil)
        h.press(.escape)
        #expect(h.app.latency == nil)
    }

    @Test func withNothingListedItSaysSo() {
        let h = ExplorerHarness(table: Self.corners())
        h.press(.char("/"))
        h.type(#"name = "nothing""#)
        h.press(.enter, .char("L"))
        #expect(h.app.latency == nil)
        #expect(h.screen.contains("No traces to plot: press \\ to clear the filter."), "\(h.screen)")
    }

    @Test func theHelpListsThePlotsKeys() {
        let h = ExplorerHarness(table: Self.corners(), width: 120, height: 50)
        h.press(.char("L"), .char("?"))
        #expect(h.screen.contains("Keys: Latency over time"), "\(h.screen)")
        #expect(h.screen.contains("a logarithmic or linear duration axis"))
    }

    // MARK: - Selecting

    @Test func theCursorsCellListsItsTracesAndARectangleListsEveryTraceInside() {
        let h = ExplorerHarness(table: Self.corners())
        h.press(.char("L"))
        Self.toEdge(h, dx: -1, dy: 1)
        #expect(Self.statusLine(h).contains("1 trace ·") && Self.statusLine(h).contains("fast-early"), "\(Self.statusLine(h))")
        h.press(.enter)
        #expect(h.app.latency == nil)
        #expect(Self.listed(h) == ["fast-early"])
        #expect(h.screen.contains("1 trace in "), "the count in the status line: \(h.screen)")

        h.press(.char("\\"))
        #expect(Self.listed(h).count == 4 && Self.listSummary(h).hasPrefix("4 traces · 4 spans"))

        // The bottom row from left to right: the two fast traces.
        h.press(.char("L"))
        Self.toEdge(h, dx: -1, dy: 1)
        h.press(.char("v"))
        Self.toEdge(h, dx: 1)
        #expect(Self.statusLine(h).contains("Rectangle: 2 traces ·"), "\(Self.statusLine(h))")
        h.press(.enter)
        #expect(Set(Self.listed(h)) == ["fast-early", "fast-late"])
        #expect(Self.listSummary(h).hasPrefix("2 of 4 traces in the selection "), "\(Self.listSummary(h))")

        // The right column, top to bottom, holds one error trace of two.
        h.press(.char("\\"), .char("L"))
        Self.toEdge(h, dx: 1, dy: -1)
        h.press(.char("v"))
        Self.toEdge(h, dy: 1)
        #expect(Self.statusLine(h).contains("Rectangle: 2 traces (1 with errors)"), "\(Self.statusLine(h))")
    }

    @Test func aRectangleOnThePlotOfASelectionNarrowsIt() {
        let h = ExplorerHarness(table: Self.corners())
        h.press(.char("L"))
        Self.toEdge(h, dx: -1, dy: 1)
        h.press(.char("v"))
        Self.toEdge(h, dx: 1)
        h.press(.enter)
        #expect(Self.listed(h).count == 2)
        // The plot now shows those two; the late one's cell alone.
        h.press(.char("L"))
        #expect(h.screen.contains("2 of 4 traces (those listed)"), "\(h.screen)")
        Self.toEdge(h, dx: 1)
        h.press(.enter)
        #expect(Self.listed(h) == ["fast-late"])
        // One \ clears the whole selection.
        h.press(.char("\\"))
        #expect(Self.listed(h).count == 4)
    }

    @Test func theSelectionCombinesWithTheFilterAndBackslashClearsItFirst() {
        let h = ExplorerHarness(table: Self.corners())
        h.press(.char("/"))
        h.type(#"name =~ "slow.*""#)
        h.press(.enter)
        #expect(Set(Self.listed(h)) == ["slow-early", "slow-late"])
        h.press(.char("L"))
        #expect(h.screen.contains("2 of 4 traces"), "the plot shows the filter's traces: \(h.screen)")
        Self.toEdge(h, dx: -1)
        h.press(.enter)
        #expect(Self.listed(h) == ["slow-early"])
        let status = Self.listSummary(h)
        #expect(status.hasPrefix("1 of 4 traces match name =~ \"slow.*\" in the selection ") && status.contains("(\\ clears)"),
                "\(status)")
        h.press(.char("\\"))
        #expect(Set(Self.listed(h)) == ["slow-early", "slow-late"], "the filter stays")
        h.press(.char("\\"))
        #expect(Self.listed(h).count == 4)
    }

    @Test func everyRectangleListsExactlyTheTracesDrawnInsideIt() throws {
        let h = ExplorerHarness(table: LatencyTraces.busy(), width: 120, height: 40)
        guard case .ready(let list) = h.app.phase else { return }
        let summaries = list.listing.summaries
        var rng = SplitMix64(seed: 42)
        for round in 0..<12 {
            h.press(.char("L"))
            if round % 3 == 1 { h.press(.char("a")) }   // on the linear axis too
            let screen = try #require(h.app.latency)
            let grid = try #require(screen.grid)
            let a = Point(x: Int(rng.next() % UInt64(grid.plot.width)), y: Int(rng.next() % UInt64(grid.plot.height)))
            let b = Point(x: Int(rng.next() % UInt64(grid.plot.width)), y: Int(rng.next() % UInt64(grid.plot.height)))
            // The traces whose dot is inside, found from the drawing's cells.
            var inside = Set<Int>()
            for i in 0..<screen.points.count {
                let cell = grid.cell(start: screen.points.starts[i], duration: screen.points.durations[i])
                if (min(a.x, b.x)...max(a.x, b.x)).contains(cell.x), (min(a.y, b.y)...max(a.y, b.y)).contains(cell.y) {
                    inside.insert(screen.points.traces[i])
                }
            }
            #expect(grid.count(a, b).traces == inside.count)
            let selection = grid.selection(a, b)
            let matching = Set(summaries.indices.filter { selection.contains(summaries[$0]) })
            #expect(matching == inside, "round \(round): \(a) \(b)")
            h.press(.escape)
            if round % 3 == 1 { h.app.latencyLook.scale = .logarithmic }
        }
    }

    // MARK: - The mouse

    @Test func aDragMakesARectangleAndADoubleClickInItListsItsTraces() throws {
        let h = ExplorerHarness(table: Self.corners())
        h.press(.char("L"))
        let plot = try #require(h.app.latency?.grid?.plot)
        func mouse(_ action: MouseEvent.Action, _ x: Int, _ y: Int) {
            _ = h.app.handle(.input(.mouse(MouseEvent(action, at: Point(x: x, y: y)))))
        }
        // Down the left column: the two early traces.
        mouse(.click, plot.x, plot.bottom - 1)
        mouse(.release, plot.x, plot.y)
        #expect(Self.statusLine(h).contains("Rectangle: 2 traces"), "\(Self.statusLine(h))")
        // A click inside keeps it; the double click lists it.
        mouse(.click, plot.x, plot.y + 2)
        mouse(.release, plot.x, plot.y + 2)
        #expect(Self.statusLine(h).contains("Rectangle: 2 traces"))
        mouse(.doubleClick, plot.x, plot.y + 2)
        #expect(h.app.latency == nil)
        #expect(Set(Self.listed(h)) == ["fast-early", "slow-early"])
        // A click outside a rectangle moves the cursor and drops it; off the plot, nothing.
        h.press(.char("\\"), .char("L"))
        mouse(.click, plot.right - 1, plot.y)
        mouse(.release, plot.right - 1, plot.y)
        #expect(h.app.latency?.anchor == nil && h.app.latency?.cursor == Point(x: plot.width - 1, y: 0))
        #expect(Self.statusLine(h).contains("slow-late"), "\(Self.statusLine(h))")
        mouse(.click, 0, 0)
        #expect(h.app.latency?.cursor == Point(x: plot.width - 1, y: 0))
    }
}
