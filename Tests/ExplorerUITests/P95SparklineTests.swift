import Testing
import TerminalCore
import TraceModel
import TraceStore
import TraceWorkspace
import TestSupport
@testable import ExplorerUI

/// The trace list's p95 line: nearest-rank p95 per bucket of start times, blank buckets, the
/// blocks from the lowest p95 to the highest; above the column titles unless the terminal is
/// short, with the mouse's rows below it; of the traces shown (a filter's, a selection's).
@Suite struct P95SparklineTests {
    static func summaries(_ traces: [LatencyTraces.Trace]) -> [TraceSummary] {
        TraceCatalog(table: LatencyTraces.table(traces)).traceListing(overlapping: nil).summaries
    }

    /// A line with room for `buckets` blocks.
    static func width(buckets: Int) -> Int { P95Sparkline.title.count + P95Sparkline.labelWidth + 1 + buckets }

    @Test func eachBucketHoldsTheP95OfTheTracesStartingInIt() {
        // Starts from 0 to 40 ms in four buckets of 10 ms: 20 traces of 1...20 ms in the first,
        // none in the second, one of 5 ms in the third, 100 ms and 7 ms in the last.
        var traces = (1...20).map { LatencyTraces.Trace(start: Int64($0 % 10), duration: Int64($0)) }
        traces.append(.init(start: 25, duration: 5))
        traces.append(.init(start: 31, duration: 100))
        traces.append(.init(start: 40, duration: 7))
        let summaries = Self.summaries(traces)
        let line = P95Sparkline(summaries: summaries, rows: Array(summaries.indices), width: Self.width(buckets: 4))
        let ms: Int64 = 1_000_000
        // Nearest rank: the 19th of 20 values; the 2nd of 2.
        #expect(line.values == [19 * ms, nil, 5 * ms, 100 * ms])
        #expect(line.range == (5 * ms)...(100 * ms))
        #expect(line.level(5 * ms) == 1 && line.level(100 * ms) == 8 && line.level(19 * ms) == 2)

        // Only the traces shown: without the slow one, the last bucket's p95 is 7 ms.
        let shown = summaries.indices.filter { summaries[$0].duration != Nanoseconds(100 * ms) }
        let filtered = P95Sparkline(summaries: summaries, rows: shown, width: Self.width(buckets: 4))
        #expect(filtered.values.last == 7 * ms)
    }

    @Test func tracesAtOneInstantFallInTheMiddleAndNoTracesSaySo() throws {
        let summaries = Self.summaries([.init(start: 5, duration: 3), .init(start: 5, duration: 9)])
        let line = P95Sparkline(summaries: summaries, rows: [0, 1], width: Self.width(buckets: 5))
        #expect(line.values == [nil, nil, 9_000_000, nil, nil])
        #expect(line.level(9_000_000) == 4, "one value: the middle block")
        let empty = P95Sparkline(summaries: summaries, rows: [], width: 80)
        var buffer = Buffer(width: 80, height: 1)
        empty.render(in: buffer.area, into: &buffer, context: RenderContext(theme: .standard, capabilities:
            TerminalCapabilities(colorMode: .none, isUTF8: true, terminalName: "test")))
        #expect(buffer.lineText(0).contains("p95 over time: no traces"))
    }

    @Test func theLineSitsAboveTheColumnTitlesUnlessTheTerminalIsShort() throws {
        let h = ExplorerHarness(table: LatencyTraces.busy(), width: 80, height: 24)
        let lines = h.screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1].hasPrefix(" p95 ") && lines[1].contains("█") && lines[1].contains("▁"), "\(lines[1])")
        #expect(lines[2].contains("START▲"))
        // 14 rows: the list keeps its rows, the line goes.
        h.resize(80, 13)
        let short = h.screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(short[1].contains("START▲"), "\(h.screen)")
        #expect(!short.contains { $0.hasPrefix(" p95 ") })
    }

    @Test func theLineIsOfTheTracesShownAndComputedOnlyWhenTheyChange() throws {
        let h = ExplorerHarness(table: LatencyTraces.busy(), width: 100, height: 30)
        guard case .ready(let all) = h.app.phase else { return }
        let before = all.sparkline(width: 100)
        h.press(.char("/"))
        h.type(#"name = "GET /api/cart""#)
        h.press(.enter)
        guard case .ready(let filtered) = h.app.phase else { return }
        let after = filtered.sparkline(width: 100)
        #expect(after.values != before.values)
        let expected = P95Sparkline(summaries: filtered.listing.summaries, rows: filtered.state.rows, width: 100)
        #expect(after.values == expected.values)
        // Sorting changes the order, not the traces: the same line.
        h.press(.char("s"))
        guard case .ready(let sorted) = h.app.phase else { return }
        #expect(sorted.sparkline(width: 100).values == expected.values)
    }

    @Test func aClickOnTheFirstRowUnderTheLineSelectsTheFirstTrace() {
        let h = ExplorerHarness(table: LatencyTraces.busy(), width: 100, height: 30)
        h.press(.char("j"), .char("j"))
        _ = h.app.handle(.input(.mouse(MouseEvent(.click, at: Point(x: 10, y: 2)))))
        #expect(h.screen.contains("[3/240]"), "the column titles select nothing")
        _ = h.app.handle(.input(.mouse(MouseEvent(.click, at: Point(x: 10, y: 3)))))
        #expect(h.screen.contains("[1/240]"), "rows start at y = 3: \(h.screen)")
    }
}

/// The latency selection as the trace list keeps it: a range, so it holds across a refreshed
/// listing (`trex --listen`), and `isShown` agrees with the rows.
@Suite struct LatencySelectionListTests {
    @Test func aSelectionHoldsWhenTheListingIsRefreshed() throws {
        let first: [LatencyTraces.Trace] = [.init(start: 0, duration: 10), .init(start: 100, duration: 500),
                                            .init(start: 200, duration: 20)]
        let table = LatencyTraces.table(first)
        let catalog = TraceCatalog(table: table)
        var screen = TraceListScreen(workspace: Workspace(sources: [catalog]), listing: catalog.traceListing(overlapping: nil))
        let ms: Int64 = 1_000_000
        let origin = TraceFixture.origin
        let selection = LatencySelection(startLow: origin, startHigh: origin + 250 * ms, durationLow: 0, durationHigh: 50 * ms)
        _ = screen.applySelection(selection, ascii: false)
        #expect(screen.state.rows.count == 2)
        let newer = TraceCatalog(table: LatencyTraces.table(first + [.init(start: 150, duration: 30), .init(start: 300, duration: 1)]))
        let refreshed = screen.refreshed(with: newer.traceListing(overlapping: nil), matches: nil)
        #expect(refreshed.state.selection == selection)
        #expect(refreshed.state.rows.count == 3, "the new trace inside, not the one starting after")
        for (index, summary) in refreshed.listing.summaries.enumerated() {
            #expect(refreshed.isShown(summary.traceID) == refreshed.state.rows.contains(index))
        }
    }

    @Test func theSelectionsTextIsInUTCWithTheDateOnlyAcrossDays() {
        let second: Int64 = 1_000_000_000
        let noon: Int64 = 1_700_000_000 * second   // 2023-11-14 22:13:20 UTC
        let short = LatencySelection(startLow: noon, startHigh: noon + 30 * second, durationLow: 120_000_000,
                                     durationHigh: 1_300_000_000)
        #expect(short.text() == "22:13:20.000–22:13:50.000 UTC × 120ms–1.3s")
        let long = LatencySelection(startLow: noon, startHigh: noon + 3_600 * second, durationLow: 0, durationHigh: 5)
        #expect(long.text() == "22:13:20–23:13:20 UTC × 0–5ns")
        let days = LatencySelection(startLow: noon, startHigh: noon + 86_400 * second, durationLow: 0, durationHigh: 5)
        #expect(days.text(ascii: true) == "2023-11-14 22:13:20-2023-11-15 22:13:20 UTC x 0-5ns")
        #expect(short.intersection(long) == LatencySelection(startLow: noon, startHigh: noon + 30 * second,
                                                             durationLow: 120_000_000, durationHigh: 5))
    }
}
