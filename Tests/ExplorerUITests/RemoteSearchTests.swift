import Foundation
import Synchronization
import Testing
import BackendTestSupport
import TerminalCore
import TestSupport
import TraceModel
import TraceQuery
import TraceStore
import TraceWorkspace
@testable import ExplorerUI

/// The explorer over a backend (`trex --source`): the opening search fills the list page by
/// page under the search line; each filter searches again, the line saying what the backend
/// searched; Esc or a newer filter stops a search; a failure is said in the search line and the
/// status line. The backend is a stub `SearchableSource` handing over prepared pages.
@Suite(.serialized) struct RemoteSearchTests {
    /// The mailbox: what the feed posts, handed to the app by `deliver`.
    final class Mailbox: Sendable {
        let messages = Mutex<[AppMessage]>([])
        func post(_ message: AppMessage) { messages.withLock { $0.append(message) } }
        func take() -> [AppMessage] { messages.withLock { m in defer { m = [] }; return m } }
    }

    /// An explorer over the stub, loaded, its background work started.
    static func explorer(_ backend: StubBackend, mailbox: Mailbox, height: Int = 30) throws -> ExplorerHarness {
        let app = ExplorerApp(theme: .standard, historyPath: nil)
        let harness = ExplorerHarness(app: app, width: 150, height: height)
        let workspace = Workspace(sources: [backend])
        _ = app.handle(.message(.loaded(workspace, try workspace.listing(),
                                        LoadReport(sources: ["jaeger+http://stub"], messages: [], spansSkipped: 0, seconds: 0))))
        app.startBackgroundWork { mailbox.post($0) }
        return harness
    }

    /// Waits (at most 10 s) until the feed's search is no longer running, then hands the app
    /// what was posted.
    static func settle(_ harness: ExplorerHarness, _ mailbox: Mailbox) {
        let deadline = Date().addingTimeInterval(10)
        while harness.app.remote?.feed.status.running == true, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        // The search's last update is posted just after it ends (a stopped search posts none).
        let posted = Date().addingTimeInterval(1)
        func ended() -> Bool {
            mailbox.messages.withLock { $0.contains { if case .remoteSearch(let u) = $0 { !u.status.running } else { false } } }
        }
        while !ended(), Date() < posted { Thread.sleep(forTimeInterval: 0.01) }
        deliver(harness, mailbox)
    }

    /// Waits (at most 10 s) for the end of a fetch by id, then hands the app what was posted.
    static func awaitFetch(_ harness: ExplorerHarness, _ mailbox: Mailbox) {
        let deadline = Date().addingTimeInterval(10)
        func fetched() -> Bool {
            mailbox.messages.withLock { $0.contains { if case .remoteSearch(let u) = $0 { u.fetched != nil } else { false } } }
        }
        while !fetched(), Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        deliver(harness, mailbox)
    }

    static func deliver(_ harness: ExplorerHarness, _ mailbox: Mailbox) {
        for message in mailbox.take() { _ = harness.app.handle(.message(message)) }
    }

    /// Traces `prefix0`…, `count` of them, service `service`, one a minute from `minute`.
    static func page(_ prefix: String, count: Int, minute: Int64, service: String = "checkout", millis: Int64 = 8) -> SpanTable {
        var f = TraceFixture(unitNanos: 1_000_000)
        for i in 0..<count {
            f.inTrace("\(prefix)\(i)")
            let start = (minute + Int64(i)) * 60_000
            f.span("\(prefix)\(i)-root", service: service, name: "GET /\(prefix)", start: start, end: start + millis, kind: .server)
        }
        return f.build()
    }

    @Test func theOpeningSearchFillsTheListPageByPage() throws {
        let backend = StubBackend(pages: [Self.page("a", count: 3, minute: 10), Self.page("b", count: 2, minute: 0)])
        let mailbox = Mailbox()
        let harness = try Self.explorer(backend, mailbox: mailbox)
        #expect(harness.app.searchesBackends)
        Self.settle(harness, mailbox)
        #expect(backend.asked.withLock { $0 } == [""])
        let screen = harness.screen
        #expect(screen.contains("Stub searched the time window · 5 traces found"), "\(screen)")
        #expect(screen.contains("5 traces"))
        // Untouched, the list stays at its top as older pages arrive.
        guard case .ready(let list) = harness.app.phase else { Issue.record("not ready"); return }
        #expect(list.state.cursor.selected == 0)
    }

    @Test func aFilterSearchesAgainAndTheLineSaysWhatTheBackendSearched() throws {
        let backend = StubBackend(pages: [Self.page("slow", count: 2, minute: 20, millis: 900),
                                          Self.page("fast", count: 3, minute: 30, millis: 5)])
        let mailbox = Mailbox()
        let harness = try Self.explorer(backend, mailbox: mailbox)
        Self.settle(harness, mailbox)
        harness.press(.char("/"))
        harness.type(#"service.name = "checkout" AND duration > 100ms"#)
        harness.press(.enter)
        Self.settle(harness, mailbox)
        #expect(backend.asked.withLock { $0 } == ["", #"service.name = "checkout" AND duration > 100ms"#])
        let line = try #require(harness.line(containing: "Stub searched"))
        #expect(line.contains("Stub searched service and duration; trex filtered the rest"), "\(line)")
        #expect(harness.screen.contains("2 spans in 2 traces match."), "trex filtered what came back: \(harness.screen)")
        // A filter that does not parse is not searched.
        harness.press(.char("/"))
        harness.type("duration >")
        harness.press(.enter)
        Self.settle(harness, mailbox)
        #expect(backend.asked.withLock { $0 }.count == 2)
    }

    @Test func aFailureIsSaidInTheSearchLineAndTheStatusLine() throws {
        let backend = StubBackend(pages: [], searchFailure: "GET http://stub/api/traces?service=checkout: HTTP 503: no healthy upstream")
        let mailbox = Mailbox()
        let harness = try Self.explorer(backend, mailbox: mailbox)
        Self.settle(harness, mailbox)
        let lines = harness.screen.split(separator: "\n").map(String.init)
        #expect(lines[0].contains("✗ Stub: GET http://stub/api/traces?service=checkout: HTTP 503: no healthy upstream"), "\(lines[0])")
        #expect(lines[lines.count - 2].contains("Stub: GET http://stub/api/traces"), "the status line: \(lines[lines.count - 2])")
        #expect(harness.app.searchMessages == ["Stub: GET http://stub/api/traces?service=checkout: HTTP 503: no healthy upstream"])
    }

    @Test func escStopsTheRunningSearchKeepingWhatItFound() throws {
        let backend = StubBackend(pages: [Self.page("a", count: 2, minute: 10), Self.page("b", count: 2, minute: 0)], holdFrom: 1)
        let mailbox = Mailbox()
        let harness = try Self.explorer(backend, mailbox: mailbox)
        // The first page arrives; the second waits.
        let deadline = Date().addingTimeInterval(10)
        while harness.app.remote?.feed.status.found != 2, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        Thread.sleep(forTimeInterval: 0.15)   // a turn of the spinner
        Self.deliver(harness, mailbox)
        let running = try #require(harness.line(containing: "Searching Stub"))
        #expect(running.contains("2 traces so far") && running.contains("Esc stops"), "\(running)")
        harness.press(.escape)
        #expect(harness.screen.contains("Search stopped: 2 traces found before it was"))
        backend.release()
        Self.settle(harness, mailbox)
        #expect(harness.line(containing: "Searching") == nil, "a late message does not bring the spinner back")
        guard case .ready(let list) = harness.app.phase else { Issue.record("not ready"); return }
        #expect(list.listing.count == 2, "the held page was not added")
    }

    @Test func aNewerFilterStopsTheSearchBeforeIt() throws {
        let backend = StubBackend(pages: [Self.page("a", count: 1, minute: 10), Self.page("b", count: 1, minute: 0)], holdFrom: 1)
        let mailbox = Mailbox()
        let harness = try Self.explorer(backend, mailbox: mailbox)
        let deadline = Date().addingTimeInterval(10)
        while harness.app.remote?.feed.status.found != 1, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        harness.press(.char("/"))
        harness.type(#"service.name = "checkout""#)
        harness.press(.enter)
        backend.release()   // the opening search's held page: cancelled, it is not added
        backend.release()   // the new search's
        Self.settle(harness, mailbox)
        #expect(backend.asked.withLock { $0 } == ["", #"service.name = "checkout""#])
        #expect(harness.screen.contains("Stub searched service and duration"), "\(harness.screen)")
    }

    @Test func aTraceIDTheListDoesNotHoldIsFetchedInTheBackgroundAndSelected() throws {
        let wanted = Self.page("wanted", count: 1, minute: 5)
        let backend = StubBackend(pages: [Self.page("a", count: 3, minute: 10)], fetchable: wanted)
        let mailbox = Mailbox()
        let harness = try Self.explorer(backend, mailbox: mailbox)
        Self.settle(harness, mailbox)
        let id = wanted.traces[0].traceID
        harness.press(.char("#"))
        harness.type(id.shownHex)
        harness.press(.enter)
        #expect(harness.screen.contains("Fetching the trace \(id.shownHex) from Stub…"), "\(harness.screen)")
        Self.awaitFetch(harness, mailbox)
        guard case .ready(let list) = harness.app.phase, let selected = list.state.selectedTrace else {
            Issue.record("nothing selected")
            return
        }
        #expect(list.traceID(at: selected) == id)
        #expect(harness.screen.contains("Fetched the trace \(id.shownHex)."), "\(harness.screen)")
        // An id no backend has is said.
        harness.press(.char("#"))
        harness.type(String(repeating: "e", count: 32))
        harness.press(.enter)
        Self.awaitFetch(harness, mailbox)
        #expect(harness.screen.contains("no backend has the trace eeeeeeee"), "\(harness.screen)")
    }

    @Test func aLinkToATraceNoSearchBroughtIsFetchedInTheBackgroundAndOpened() throws {
        // The consumer trace (searched) links to the producer's span (only fetchable by id).
        let backend = StubBackend(pages: [LinkedTraces.table(withProducer: false)], fetchable: LinkedTraces.producerTable())
        let mailbox = Mailbox()
        let harness = try Self.explorer(backend, mailbox: mailbox)
        Self.settle(harness, mailbox)
        harness.selectConsumersLink()
        harness.press(.enter)
        let id = StableHash.traceID(for: "producer")
        #expect(harness.screen.contains("Fetching the linked trace \(id.shownHex) from Stub…"), "\(harness.screen)")
        Self.awaitFetch(harness, mailbox)
        #expect(harness.app.traceScreen?.trace.id == id, "the producer's waterfall")
        #expect(harness.screen.contains("Opened the linked trace \(id.hex)"), "\(harness.screen)")
        harness.press(.char("q"))
        #expect(harness.app.traceScreen?.trace.id == StableHash.traceID(for: "consumer"), "back where the link was followed")
    }
}
