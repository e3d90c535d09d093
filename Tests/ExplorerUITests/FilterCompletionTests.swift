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

/// Tab in the filter bar: a field name, a value (quoted when it is a string), the candidates
/// line walked with Tab and Shift-Tab, a backend's names and values joining the local ones, a
/// failing backend said once, hostile values escaped on screen and in the query.
@Suite(.serialized) struct FilterCompletionTests {
    /// Traces of `checkout` (three), `checkin` (two), `cart` (one) and whatever `services` adds,
    /// with `http.route` on their spans and `host.name` on their resources.
    static func table(services extra: [String] = []) -> SpanTable {
        var f = TraceFixture(unitNanos: 1_000_000)
        for (i, service) in (["checkout", "checkout", "checkout", "checkin", "checkin", "cart"] + extra).enumerated() {
            f.inTrace("t\(i)")
            let start = Int64(i) * 60_000
            f.span("r\(i)", service: service, name: "GET /\(service)", start: start, end: start + 10, kind: .server,
                   status: i == 0 ? .error : .unset, attributes: ["http.route": .string("/\(service)/\(i)")],
                   resource: ["host.name": .string("host-\(i % 2)")])
        }
        return f.build()
    }

    /// The explorer with the filter bar open (`/`) and `text` typed.
    static func typing(_ text: String, in h: ExplorerHarness) -> ExplorerHarness {
        h.press(.char("/"))
        h.type(text)
        return h
    }

    static func text(_ h: ExplorerHarness) -> String { h.app.filterBar?.editor.string ?? "<closed>" }

    static func listedRows(_ h: ExplorerHarness) -> Int? {
        if case .ready(let list) = h.app.phase { list.state.rows.count } else { nil }
    }

    @Test func tabCompletesAFieldName() {
        let h = Self.typing("span.http.ro", in: ExplorerHarness(table: Self.table()))
        h.press(.tab)
        #expect(Self.text(h) == "span.http.route")
        #expect(h.app.filterBar?.completionMenu == nil)
        // Unscoped, as the primer writes it, and an intrinsic in any case.
        let unscoped = Self.typing("host.na", in: ExplorerHarness(table: Self.table()))
        unscoped.press(.tab)
        #expect(Self.text(unscoped) == "host.name")
        let intrinsic = Self.typing("duration > 1s && rootSer", in: ExplorerHarness(table: Self.table()))
        intrinsic.press(.tab)
        #expect(Self.text(intrinsic) == "duration > 1s && rootServiceName")
    }

    @Test func tabCompletesAValueQuotedWhenItIsAString() {
        let h = Self.typing("service.name = checko", in: ExplorerHarness(table: Self.table()))
        h.press(.tab)
        #expect(Self.text(h) == "service.name = \"checkout\"")
        #expect(h.app.filterBar?.diagnostic == nil)
        // Inside an unfinished string, with the TraceQL spelling and braces.
        let braced = Self.typing("{ resource.service.name = \"checko", in: ExplorerHarness(table: Self.table()))
        braced.press(.tab)
        #expect(Self.text(braced) == "{ resource.service.name = \"checkout\"")
        // A status is a word.
        let status = Self.typing("status = er", in: ExplorerHarness(table: Self.table()))
        status.press(.tab)
        #expect(Self.text(status) == "status = error")
        // The completed filter applies.
        h.press(.enter)
        #expect(h.app.filterBar == nil)
        #expect(Self.listedRows(h) == 3)
    }

    @Test func severalCandidatesShowALineThatTabAndShiftTabWalk() {
        let h = Self.typing("service.name = ", in: ExplorerHarness(table: Self.table()))
        h.press(.tab)
        // Their common prefix goes in, in quotes, the cursor before the closing one.
        #expect(Self.text(h) == "service.name = \"c\"")
        #expect(h.app.filterBar?.editor.cursor == 17)
        var line = h.line(containing: "3 candidates")
        #expect(line?.contains("checkout") == true && line?.contains("checkin") == true && line?.contains("cart") == true)
        // Most frequent first.
        #expect(line.map { $0.range(of: "checkout")!.lowerBound < $0.range(of: "cart")!.lowerBound } == true)

        h.press(.tab)
        #expect(Self.text(h) == "service.name = \"checkout\"")
        line = h.line(containing: "1/3")
        #expect(line?.contains("checkin") == true)
        // The candidate in the text is highlighted.
        let frame = h.frame
        let selection = RenderContext(theme: .standard, capabilities: h.capabilities).style(.selection)
        let row = frame.buffer.text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("1/3") }!
        let column = line!.distance(from: line!.startIndex, to: line!.range(of: "checkout")!.lowerBound)
        #expect(frame.buffer[column, row].style.background == selection.background)
        #expect(frame.buffer[column + 12, row].style.background != selection.background)

        h.press(.tab)
        #expect(Self.text(h) == "service.name = \"checkin\"")
        h.press(.tab, .tab)
        #expect(Self.text(h) == "service.name = \"checkout\"")   // round the end
        h.press(.backTab)
        #expect(Self.text(h) == "service.name = \"cart\"")
        #expect(h.line(containing: "3/3") != nil)

        // Any other key closes the list and does what it does.
        h.type(" && ")
        #expect(h.app.filterBar?.completionMenu == nil)
        #expect(h.line(containing: "candidates") == nil && h.line(containing: "3/3") == nil)
        #expect(Self.text(h) == "service.name = \"cart\" && ")
    }

    @Test func escClosesTheListFirstAndTheBarKeepsItsKeys() {
        let h = Self.typing("service.name = ", in: ExplorerHarness(table: Self.table()))
        h.press(.tab, .tab)
        h.press(.escape)
        #expect(h.app.filterBar != nil && h.app.filterBar?.completionMenu == nil)
        #expect(Self.text(h) == "service.name = \"checkout\"")
        h.press(.ctrl("w"))
        #expect(Self.text(h) == "service.name = ")
        h.press(.escape)
        #expect(h.app.filterBar == nil)
        // History still walks with Up, and Tab in a plain prompt does nothing.
        let applied = Self.typing("name = \"GET /cart\"", in: ExplorerHarness(table: Self.table()))
        applied.press(.enter, .char("/"), .ctrl("u"), .up)
        #expect(Self.text(applied) == "name = \"GET /cart\"")
        applied.press(.escape, .char("#"), .tab)
        #expect(applied.app.filterBar?.completionMenu == nil && applied.app.filterBar?.completionNote == nil)
        #expect(Self.text(applied) == "")
    }

    @Test func theCaretStillShowsUnderAnErrorWithTheCandidatesLine() {
        let h = Self.typing("name = \"x\" && span.http", in: ExplorerHarness(table: Self.table(), height: 30))
        h.press(.backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace)
        #expect(Self.text(h) == "name = \"x\" && ")
        h.press(.tab)
        #expect(h.app.filterBar?.diagnostic != nil)
        #expect(h.app.filterBar?.completionMenu != nil)
        let rows = h.screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let input = rows.lastIndex { $0.contains("filter traces:") }!
        #expect(rows[input - 1].contains("candidates"))
        #expect(rows[input + 1].contains("^"))
    }

    @Test func nothingToCompleteIsSaid() {
        let h = Self.typing("span.nothing.like.it", in: ExplorerHarness(table: Self.table()))
        h.press(.tab)
        #expect(Self.text(h) == "span.nothing.like.it")
        #expect(h.line(containing: "No completion for span.nothing.like.it.") != nil)
        h.press(.end)
        #expect(h.line(containing: "No completion") == nil)
    }

    @Test func hostileValuesAreEscapedOnScreenAndInTheQuery() {
        let evil = "evil\u{1B}[31m\"x\u{7}"
        let h = Self.typing("service.name = \"ev", in: ExplorerHarness(table: Self.table(services: [evil, "evil-twin"])))
        h.press(.tab)
        #expect(h.app.filterBar?.completionMenu?.candidates.count == 2)
        let screen = h.screen
        #expect(!screen.contains("\u{1B}") && !screen.contains("\u{7}"))
        #expect(h.line(containing: "evil\\e[31m\"x\\a") != nil)
        let index = h.app.filterBar?.completionMenu?.candidates.firstIndex { $0.shown == evil } ?? 0
        for _ in 0...index { h.press(.tab) }
        #expect(Self.text(h) == "service.name = \"evil\\u{1b}[31m\\\"x\\u{7}\"")
        #expect(h.app.filterBar?.diagnostic == nil)
        h.press(.enter)
        #expect(h.app.filterBar == nil)
        #expect(Self.listedRows(h) == 1)
    }

    // MARK: - Backends

    final class Mailbox: Sendable {
        let messages = Mutex<[AppMessage]>([])
        func post(_ message: AppMessage) { messages.withLock { $0.append(message) } }
        func take() -> [AppMessage] { messages.withLock { m in defer { m = [] }; return m } }
    }

    /// The local traces and `backends`, loaded, background work running into `mailbox`.
    static func explorer(_ backends: [any TraceSource], mailbox: Mailbox, utf8: Bool = true) throws -> ExplorerHarness {
        let app = ExplorerApp(theme: .standard, historyPath: nil)
        let h = ExplorerHarness(app: app)
        h.capabilities = TerminalCapabilities(colorMode: .color256, isUTF8: utf8, terminalName: "test")
        let workspace = Workspace(sources: [TraceCatalog(table: table())] + backends)
        _ = app.handle(.message(.loaded(workspace, try workspace.listing(),
                                        LoadReport(sources: ["stub"], messages: [], spansSkipped: 0, seconds: 0))))
        app.startBackgroundWork { mailbox.post($0) }
        return h
    }

    /// Hands the app what was posted until `done` holds (10 s at most).
    static func deliver(_ h: ExplorerHarness, _ mailbox: Mailbox, until done: () -> Bool) {
        let deadline = Date().addingTimeInterval(10)
        repeat {
            for message in mailbox.take() { _ = h.app.handle(.message(message)) }
            if done() { return }
            Thread.sleep(forTimeInterval: 0.01)
        } while Date() < deadline
    }

    @Test func aBackendsNamesAndValuesJoinTheLocalOnes() throws {
        let backend = StubBackend(name: "Tempo", names: ["span.db.system", "resource.k8s.pod.name"],
                                        values: ["span.db.system": ["postgresql", "redis"],
                                                 "resource.service.name": ["remote-svc", "checkout"]])
        let mailbox = Mailbox()
        let h = try Self.explorer([backend], mailbox: mailbox, utf8: false)
        defer { h.app.stopBackgroundWork() }
        Self.deliver(h, mailbox) { h.app.completion.vocabulary?.names.contains("span.db.system") == true }
        #expect(h.app.completion.vocabulary?.names.contains("span.http.route") == true)

        _ = Self.typing("span.db.sy", in: h)
        h.press(.tab)
        #expect(Self.text(h) == "span.db.system")

        // The values are asked in the background, once; the bar says so meanwhile (three dots in ASCII).
        h.type(" = ")
        h.press(.tab)
        #expect(h.line(containing: "looking up values of span.db.system...") != nil)
        Self.deliver(h, mailbox) { h.app.completion.values[Field(written: "span.db.system")!] != nil }
        // The answer completed what the Tab asked: two values, their prefix (none) in quotes.
        #expect(Self.text(h) == "span.db.system = \"\"")
        #expect(h.line(containing: "postgresql")?.contains("redis") == true)
        h.press(.tab)
        #expect(Self.text(h) == "span.db.system = \"postgresql\"")

        // Local values first, then the backend's; each once.
        h.press(.ctrl("u"))
        h.type("service.name = ")
        h.press(.tab)
        Self.deliver(h, mailbox) { h.app.completion.values[Field(written: "service.name")!] != nil }
        #expect(h.app.filterBar?.completionMenu?.candidates.map(\.shown) == ["checkout", "checkin", "cart", "remote-svc"])
        h.press(.escape, .ctrl("u"))
        h.type("service.name = ")
        h.press(.tab)
        #expect(h.app.filterBar?.completionMenu?.candidates.count == 4)   // from the cache, at once
        #expect(backend.askedValues.withLock { $0 } == ["span.db.system", "resource.service.name"])
    }

    @Test func numericValuesOfAnAttributeGoBare() throws {
        // A backend lists values as text whatever their type: all numbers are written as numbers.
        let backend = StubBackend(name: "Tempo", names: ["span.http.status_code", "span.peer"],
                                        values: ["span.http.status_code": ["200", "404", "500"], "span.peer": ["10", "db-1"]])
        let mailbox = Mailbox()
        let h = try Self.explorer([backend], mailbox: mailbox)
        defer { h.app.stopBackgroundWork() }
        Self.deliver(h, mailbox) { h.app.completion.vocabulary?.names.contains("span.http.status_code") == true }
        _ = Self.typing("span.http.status_code = 5", in: h)
        h.press(.tab)
        Self.deliver(h, mailbox) { h.app.completion.values[Field(written: "span.http.status_code")!] != nil }
        #expect(Self.text(h) == "span.http.status_code = 500")
        // A field with one value that is not a number keeps them all quoted.
        h.press(.ctrl("u"))
        h.type("span.peer = 1")
        h.press(.tab)
        Self.deliver(h, mailbox) { h.app.completion.values[Field(written: "span.peer")!] != nil }
        #expect(Self.text(h) == "span.peer = \"10\"")
    }

    @Test func aTabBeforeTheNamesArriveCompletesWhenTheyDo() throws {
        let mailbox = Mailbox()
        let h = try Self.explorer([], mailbox: mailbox)
        defer { h.app.stopBackgroundWork() }
        _ = Self.typing("service.name = checko", in: h)
        h.press(.tab)   // nothing delivered yet
        #expect(h.line(containing: "looking up values of service.name…") != nil)
        Self.deliver(h, mailbox) { h.app.completion.vocabulary != nil }
        #expect(Self.text(h) == "service.name = \"checkout\"")
        #expect(h.line(containing: "looking up") == nil)
    }

    @Test func aFailingBackendIsSkippedAndSaidOnce() throws {
        let broken = StubBackend(name: "Broken", failure: "connection refused")
        let mailbox = Mailbox()
        let h = try Self.explorer([broken], mailbox: mailbox)
        defer { h.app.stopBackgroundWork() }
        Self.deliver(h, mailbox) { h.app.flash?.contains("Broken") == true }
        #expect(h.screen.contains("Completion without Broken: connection refused"))

        _ = Self.typing("span.http.ro", in: h)
        h.press(.tab)
        #expect(Self.text(h) == "span.http.route")
        h.type(" = ")
        h.press(.tab)
        Self.deliver(h, mailbox) { h.app.completion.values[Field(written: "span.http.route")!] != nil }
        #expect(h.app.filterBar?.completionMenu?.candidates.count == 6)   // the local values
        #expect(h.app.flash == nil)   // said once
    }
}
