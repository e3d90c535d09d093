import Testing
import TerminalCore
import TraceModel
import TestSupport
@testable import ExplorerUI

/// The trace list, the waterfall (time axis, ruler, bars), zoom, the adjusted view and the
/// detail pane render traces with any 64-bit times, drawn into the in-memory cell grid.
@Suite struct ExtremeTimesScreenTests {
    /// Opens the first trace and visits every span with the detail pane open, zoomed and not,
    /// raw and adjusted. Returns the screens seen.
    @discardableResult
    private func walk(_ table: SpanTable, width: Int = 120, height: Int = 30, utf8: Bool = true) -> [String] {
        let h = ExplorerHarness(table: table, width: width, height: height, utf8: utf8)
        var screens = [h.screen]
        h.press(.enter)
        screens.append(h.screen)
        h.press(.tab)
        for _ in 0..<min(table.spans.count, 20) {
            screens.append(h.screen)
            h.press(.char("z"))
            screens.append(h.screen)
            h.press(.char("Z"))
            h.press(.char("j"))
        }
        h.press(.char("a"))
        h.press(.char("g"))
        for _ in 0..<min(table.spans.count, 20) {
            h.press(.char("z"))
            screens.append(h.screen)
            h.press(.char("j"))
        }
        h.resize(40, 12)
        screens.append(h.screen)
        return screens
    }

    @Test func theIssueTraceRendersEverywhere() {
        let screens = walk(ExtremeTimes.issueTrace())
        #expect(screens[0].contains("2562047h"), "the trace list shows the saturated duration")
        let waterfall = screens[1]
        #expect(waterfall.contains("root") && waterfall.contains("child"))
        #expect(waterfall.contains("█"), "the root's bar is drawn")
        #expect(screens.contains { $0.contains("Span detail") && $0.contains("duration") })
        // The detail pane keeps the raw times: the child's start is the last representable instant.
        #expect(screens.contains { $0.contains("2262-04-11T23:47:16.854775807Z") })
    }

    @Test func theTimeAxisCoversTheWholeInt64Range() {
        let axis = TimeAxis(start: .min, end: .max, origin: .min, width: 80)
        #expect(axis.column(.min) == 0)
        #expect(axis.column(.max) == 80)
        #expect(abs(axis.column(0) - 40) < 0.001)
        let ticks = axis.ticks()
        #expect(!ticks.isEmpty && ticks.count <= 200)
        #expect(ticks.allSatisfy { (0..<80).contains($0.column) })
        let atTheEnd = TimeAxis(start: .max, end: .max, origin: .min, width: 80)
        #expect(atTheEnd.column(.max) == 0)
        _ = atTheEnd.ticks()
        #expect(TimeAxis.step(for: .max, columns: 1000, minimumGap: 1) > 0)
    }

    @Test func randomExtremeTracesRender() {
        var rng = SplitMix64(seed: 0x5C2E)
        for round in 0..<60 {
            let table = ExtremeTimes.randomTrace(&rng, spans: 1 + round % 10, trace: "r\(round)")
            let screens = walk(table, width: round % 3 == 0 ? 60 : 120, utf8: round % 2 == 0)
            #expect(screens.allSatisfy { !$0.isEmpty })
        }
    }
}
