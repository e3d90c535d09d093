import Foundation
import Synchronization
import Testing
import TerminalCore
import TestSupport
import TraceModel
import TraceStore
import TraceWorkspace
@testable import ExplorerUI

/// The explorer while spans arrive (`trex --listen`), on a real store that an importer writes
/// as the receiver does: arrivals never move the selection, are counted as new (n jumps to
/// them, f follows them), pass through the filter, and update an open waterfall in place.
@Suite struct LiveExplorerTests {
    /// What the receiver tells the feed: the traces stored since it last asked, spans stored.
    final class Arrivals: Sendable {
        let changes = Mutex<Set<TraceID>>([])
        let stored = Mutex(0)
    }

    /// A store, an importer writing to it, and an explorer watching it live.
    final class Live {
        let directory = TemporaryDirectory()
        let store: PersistentStore
        let importer: StoreImporter
        let arrivals = Arrivals()
        let harness: ExplorerHarness

        init(initial: SpanTable, height: Int = 30) throws {
            store = try PersistentStore.open(at: directory.file("live.sqlite"), create: true)
            importer = StoreImporter(store: store)
            if !initial.spans.isEmpty { try importer.add(initial) }
            let app = ExplorerApp(theme: .standard, historyPath: nil)
            let arrivals = self.arrivals
            app.receiveLive(LiveSource(endpoints: ["grpc 127.0.0.1:4317", "http 127.0.0.1:4318"],
                                       takeChanges: { arrivals.changes.withLock { c in defer { c = [] }; return c } },
                                       counts: { (arrivals.stored.withLock { $0 }, 0) }))
            harness = ExplorerHarness(app: app, width: 150, height: height)
            let workspace = Workspace(sources: [store])
            _ = app.handle(.message(.loaded(workspace, try workspace.listing(),
                                            LoadReport(sources: ["live.sqlite"], messages: [], spansSkipped: 0, seconds: 0))))
        }

        /// Spans arrive: stored, then the feed's next step handed to the app.
        func arrive(_ table: SpanTable) throws {
            try importer.add(table)
            arrivals.changes.withLock { c in for span in table.spans { c.insert(span.traceID) } }
            arrivals.stored.withLock { $0 += table.spans.count }
            let snapshot = try #require(harness.app.live?.feed?.poll())
            _ = harness.app.handle(.message(.liveTraces(snapshot)))
        }

        var selectedTrace: TraceID? {
            guard case .ready(let list) = harness.app.phase, let index = list.state.selectedTrace else { return nil }
            return list.traceID(at: index)
        }

        /// The screen row (0-based) of the selected trace's line.
        var selectedRow: Int? {
            guard case .ready(let list) = harness.app.phase else { return nil }
            return list.state.cursor.selected - list.state.cursor.offset
        }
    }

    /// Traces named `names`, one root span each (service `service`), starting `at` + 10 units apart.
    static func traces(_ names: [String], at: Int64, service: String = "web", spans: Int = 2) -> SpanTable {
        var f = TraceFixture(unitNanos: 1_000_000)
        for (i, name) in names.enumerated() {
            f.inTrace(name)
            let start = at + Int64(i) * 10
            f.span("\(name)-root", service: service, name: "GET /\(name)", start: start, end: start + 8, kind: .server)
            for s in 1..<max(1, spans) {
                f.span("\(name)-child\(s)", parent: "\(name)-root", service: "db", name: "query \(s)",
                       start: start + 1, end: start + 2)
            }
        }
        return f.build()
    }

    static func id(_ name: String) -> TraceID { StableHash.traceID(for: name) }

    @Test func arrivalsKeepTheSelectionWhereItIsAndAreCountedAsNew() throws {
        let live = try Live(initial: Self.traces(["a", "b", "c"], at: 0))
        live.harness.press(.char("j"))
        #expect(live.selectedTrace == Self.id("b"))
        try live.arrive(Self.traces(["d", "e"], at: 100))
        #expect(live.selectedTrace == Self.id("b"))
        #expect(live.selectedRow == 1)
        let line = try #require(live.harness.line(containing: "LIVE"))
        #expect(line.contains("grpc 127.0.0.1:4317 · http 127.0.0.1:4318"), "\(line)")
        #expect(line.contains("2 new (n)"), "\(line)")
        #expect(live.harness.screen.contains("5 traces"))
        live.harness.press(.char("n"))
        #expect(live.selectedTrace == Self.id("d"), "n goes to the first new trace")
        #expect(live.harness.line(containing: "LIVE")?.contains("new") == false)
        live.harness.press(.char("n"))
        #expect(live.harness.screen.contains("No new traces."))
    }

    @Test func followingSelectsEachTraceAsItArrives() throws {
        let live = try Live(initial: Self.traces(["a", "b"], at: 0))
        live.harness.press(.char("f"))
        #expect(live.harness.line(containing: "LIVE")?.contains("following (f stops)") == true)
        try live.arrive(Self.traces(["c"], at: 100))
        #expect(live.selectedTrace == Self.id("c"))
        try live.arrive(Self.traces(["d", "e"], at: 200))
        #expect(live.selectedTrace == Self.id("e"))
        #expect(live.harness.line(containing: "LIVE")?.contains("new") == false)
        live.harness.press(.char("f"))
        try live.arrive(Self.traces(["f"], at: 300))
        #expect(live.selectedTrace == Self.id("e"), "no longer following")
        #expect(live.harness.line(containing: "LIVE")?.contains("1 new (n)") == true)
    }

    @Test func theFilterAppliesToArrivingTraces() throws {
        let live = try Live(initial: Self.traces(["a", "b"], at: 0))
        live.harness.press(.char("/"))
        live.harness.type(#"resource.service.name = "web" && name =~ "GET.*""#)
        live.harness.press(.enter)
        #expect(live.harness.screen.contains("2 spans in 2 traces match."), "\(live.harness.screen)")
        var other = Self.traces(["x"], at: 100, service: "batch")
        try live.arrive(other)
        other = Self.traces(["c"], at: 200)
        try live.arrive(other)
        let screen = live.harness.screen
        // The filter's count is today's: the status line no longer shows the one from when it was applied.
        #expect(screen.contains("3 of 4 traces match"), "\(screen)")
        #expect(screen.contains("GET /c") && !screen.contains("GET /x"), "\(screen)")
        #expect(live.harness.line(containing: "LIVE")?.contains("1 new (n)") == true)
    }

    @Test func anOpenWaterfallIsAnalysedAgainAsItsSpansArrive() throws {
        let live = try Live(initial: Self.traces(["a"], at: 0, spans: 2))
        live.harness.press(.enter)
        #expect(live.harness.screen.contains("query 1"))
        live.harness.press(.char("j"))
        let before = try #require(live.harness.app.traceScreen?.selectedSpan)
        // Two more spans of trace a, one of them an error.
        var f = TraceFixture(unitNanos: 1_000_000)
        f.inTrace("a")
        f.span("late-1", parent: "a-root", service: "cache", name: "cache get", start: 3, end: 4)
        f.span("late-2", parent: "a-root", service: "cache", name: "cache set", start: 5, end: 7, status: .error,
               statusMessage: "full")
        try live.arrive(f.build())
        let screen = live.harness.screen
        #expect(screen.contains("cache get") && screen.contains("cache set"), "\(screen)")
        let waterfall = try #require(live.harness.app.traceScreen)
        #expect(waterfall.trace.spanCount == 4)
        let selected = waterfall.trace[try #require(waterfall.selectedSpan)]
        #expect(waterfall.trace.table.strings[selected.name] == "query 1",
                "the selection stays on the span it was on (was \(before))")
        // The analysis is today's: the error is a finding, as trex analyze reports it.
        #expect(waterfall.insights.report.problems.contains(.errorOrigin))
        #expect(live.harness.line(containing: "live ") != nil, "the status line shows the rate")
    }

    @Test func theLiveLineShowsTheRateAndWhatArrived() throws {
        let live = try Live(initial: Self.traces(["a"], at: 0))
        _ = live.harness.app.handle(.message(.liveStatus(LiveStatus(
            endpoints: ["grpc 127.0.0.1:4317"], spansPerSecond: 1234.4, spansReceived: 52_113, refused: 3))))
        let line = try #require(live.harness.line(containing: "LIVE"))
        #expect(line.contains("1,234 spans/s · 52,113 received · 3 refused"), "\(line)")
    }

    @Test func anEmptyStoreWaitsForTraces() throws {
        var empty = SpanTableBuilder()
        let live = try Live(initial: empty.finish())
        #expect(live.harness.screen.contains("LIVE"))
        #expect(live.harness.app.isLive)
        try live.arrive(Self.traces(["a"], at: 0))
        #expect(live.harness.screen.contains("GET /a"))
    }

    @Test func withoutAReceiverTheLiveKeysSaySo() {
        let h = ExplorerHarness(table: Self.traces(["a"], at: 0))
        h.press(.char("n"))
        #expect(h.screen.contains("Not receiving: start trex with --listen"))
        #expect(h.line(containing: "LIVE") == nil)
    }
}
