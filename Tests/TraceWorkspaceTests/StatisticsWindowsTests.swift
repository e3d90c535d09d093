import Testing
import TraceModel
import TraceStore
import TestSupport
@testable import TraceWorkspace

/// The two windows the statistics compare: written, resolved, and the traces routed to each.
@Suite struct StatisticsWindowsTests {
    let start = Timestamp(unixNanos: 1_700_000_000_000_000_000)
    var end: Timestamp { start + .seconds(3_600) }

    @Test func halvesSplitTheRangeAtItsMiddle() {
        let w = StatisticsWindows.halves.resolve(start: start, end: end)
        #expect(w.first == start...(start + .seconds(1_800)))
        #expect(w.second == (start + .seconds(1_800))...end)
        // Half open: the middle belongs to the second; the range's end to the last window.
        #expect(w.window(of: start + .seconds(1_800), rangeEnd: end) == 1)
        #expect(w.window(of: start, rangeEnd: end) == 0)
        #expect(w.window(of: end, rangeEnd: end) == 1)
    }

    @Test func writtenWindowsTakeOffsetsTimesAndOpenBounds() throws {
        let spec = try StatisticsWindows.parse("..15m 2023-11-14T23:13:20Z..")
        let w = spec.resolve(start: start, end: end)
        #expect(w.first == start...(start + .seconds(900)))
        #expect(w.second == Timestamp(unixNanos: 1_700_003_600_000_000_000)...end)
        #expect(w.window(of: start + .seconds(1_000), rangeEnd: end) == nil)
        let fractional = try StatisticsWindows.parse("0s..1h30m,2023-11-14T22:13:20.5Z..2023-11-14T22:13:21Z")
        #expect(fractional.resolve(start: start, end: end).second.lowerBound == start + .milliseconds(500))
    }

    @Test func badWindowsSayWhatIsWrong() {
        for (text, says) in [("15m..30m", "two windows"), ("15m 30m..", "is not START..END"),
                             ("0m..soon 1h..", "neither an offset"), ("", "two windows")] {
            do {
                _ = try StatisticsWindows.parse(text)
                Issue.record("\(text) parsed")
            } catch {
                #expect(error.description.contains(says), "\(text): \(error)")
            }
        }
    }

    @Test func theWorkspaceRoutesEachTraceByItsStart() throws {
        // Four traces a minute apart; in the later two the call is three times slower.
        var f = TraceFixture()
        for i in 0..<4 {
            f.inTrace("t\(i)")
            let t0 = Int64(i) * 60_000
            f.span("r\(i)", service: "web", name: "GET", start: t0, end: t0 + 100)
            f.span("c\(i)", parent: "r\(i)", service: "db", name: "SELECT", start: t0 + 10, end: t0 + 10 + (i < 2 ? 20 : 60))
        }
        let workspace = Workspace(files: TraceCatalog(table: f.build()), store: nil)
        let found = try #require(try workspace.statisticsComparison(.halves))
        #expect(found.traces.first == 2 && found.traces.second == 2)
        let db = try #require(found.comparison.operations.first { $0.service == "db" })
        #expect(db.before?.duration.p50 == 20_000_000 && db.after?.duration.p50 == 60_000_000)
        let written = try #require(try workspace.statisticsComparison(try .parse("0m..1m 3m..")))
        #expect(written.traces.first == 1 && written.traces.second == 1)
    }
}
