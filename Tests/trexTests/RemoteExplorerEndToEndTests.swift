import Foundation
import RemoteTestSupport
import TerminalTestSupport
import Testing

/// The real `trex` explorer on a backend (`--source`), in tmux, against a local server answering
/// as Jaeger's query API documents: the list fills page by page under the search line, a filter
/// searches again and the line says what Jaeger searched, Esc stops a slow search, a failing
/// backend is said on screen, and the traces read once are read from the cache when the backend
/// is down.
@Suite("trex explorer on a backend in tmux", .serialized)
struct RemoteExplorerEndToEndTests {
    static let now = Int64(Date().timeIntervalSince1970 * 1e6)

    static func jaeger(_ archive: FakeTraceArchive, delay: Duration = .zero, failing: Bool = false) throws -> FakeBackendServer {
        try FakeBackendServer(routes: [
            .init("/api/v3/services") { _ in .init(status: 404, body: Array("404 page not found".utf8)) },
            .init("/api/services") { _ in .json(#"{"data": ["frontend", "checkout"], "total": 2, "errors": null}"#) },
            .init("/api/traces", required: ["service"], accepted: ["operation", "tags", "minDuration", "maxDuration", "start", "end",
                                                                    "limit", "lookback"]) { request in
                if failing { return .init(status: 503, body: Array("no healthy upstream".utf8)) }
                var response = archive.jaegerSearch(request)
                response.delay = delay
                return response
            },
            .init("/api/traces/{id}") { archive.jaegerTraceByID($0) },
        ])
    }

    func start(_ arguments: String, ready: String, session: TmuxSession? = nil) throws -> TmuxSession {
        let session = try session ?? TmuxSession(width: 150, height: 30)
        try session.startProgram("XDG_STATE_HOME=\(session.directory.path) XDG_CONFIG_HOME=\(session.directory.path) "
                                 + "XDG_CACHE_HOME=\(session.directory.path)/cache \(TrexBinary.path) \(arguments)")
        if session.waitFor(timeout: .seconds(20), { $0.contains(ready) }) == nil {
            Issue.record("trex did not show \"\(ready)\"; screen:\n\(session.captureWithHistory())")
        }
        return session
    }

    @Test("The list fills from Jaeger, a filter searches again, the line says what Jaeger searched")
    func searchAndFilter() throws {
        let archive = FakeTraceArchive(count: 120, end: Self.now - 5_000_000)
        let server = try Self.jaeger(archive)
        defer { server.stop() }
        let session = try start("--source jaeger+\(server.baseURL) --limit 100", ready: "Jaeger searched the time window")
        #expect(session.waitFor { $0.contains("100 traces found") } != nil, "\(session.capture())")
        try session.press("/")
        #expect(session.waitFor { $0.contains("filter traces:") } != nil)
        try session.tmux(["send-keys", "-l", #"service.name = "checkout" AND duration > 200ms AND span.http.status_code = 500"#])
        try session.press("Enter")
        guard let screen = session.waitFor({ $0.contains("Jaeger searched service, duration and a tag; trex filtered the rest") }) else {
            Issue.record("no search line; screen:\n\(session.capture())")
            return
        }
        _ = screen
        let search = try #require(server.requests.last { $0.path == "/api/traces" })
        #expect(search.query["service"] == "checkout" && search.query["minDuration"] == "200000us"
                && search.query["tags"] == #"{"http.status_code":"500"}"#, "\(search.query)")
        #expect(server.violations.isEmpty, "\(server.violations)")
        try session.press("q")
        #expect(try session.finishProgram().sane)
    }

    @Test("Esc stops a slow search; a failing backend is said on screen and after exit")
    func stopAndFailure() throws {
        let slow = try Self.jaeger(FakeTraceArchive(count: 200, end: Self.now - 5_000_000), delay: .milliseconds(1_500))
        defer { slow.stop() }
        let session = try start("--source jaeger+\(slow.baseURL) --limit 200", ready: "Searching Jaeger")
        #expect(session.waitFor { $0.contains("50 traces so far") } != nil, "\(session.capture())")
        try session.press("Escape")
        #expect(session.waitFor { $0.contains("Search stopped: 50 traces found before it was") } != nil, "\(session.capture())")
        try session.press("q")
        #expect(try session.finishProgram().sane)

        let failing = try Self.jaeger(FakeTraceArchive(count: 1, end: Self.now), failing: true)
        defer { failing.stop() }
        let second = try start("--source jaeger+\(failing.baseURL)", ready: "HTTP 503: no healthy upstream")
        #expect(second.capture().contains("✗ Jaeger: GET \(failing.baseURL)/api/traces?service="), "\(second.capture())")
        try second.press("q")
        let finished = try second.finishProgram()
        #expect(finished.sane)
        #expect(second.captureWithHistory().contains("trex: Jaeger: GET"), "said again after exit")
    }

    @Test("Traces read once are read from the cache when Jaeger is down")
    func cacheWhenDown() throws {
        let archive = FakeTraceArchive(count: 5, end: Self.now - 5_000_000)
        let server = try Self.jaeger(archive)
        let source = "--source jaeger+\(server.baseURL) --timeout 2"
        let session = try start(source, ready: "5 traces found")
        try session.press("Enter")   // the first trace's waterfall: it is kept in the cache
        #expect(session.waitFor { $0.contains("GET /checkout") && $0.contains("SELECT orders") } != nil, "\(session.capture())")
        // The background problem scan reads every listed trace: those are kept too.
        try session.press("q", "q")
        #expect(try session.finishProgram().sane)
        server.stop()
        let again = try start(source, ready: "cannot be reached", session: session)
        #expect(again.waitFor { $0.contains("Jaeger cannot be reached: showing 5 traces kept from earlier") && $0.contains("5 traces") } != nil,
                "\(again.capture())")
        try again.press("Enter")
        #expect(again.waitFor { $0.contains("SELECT orders") } != nil, "the cached trace opens: \(again.capture())")
        try again.press("q", "q")
        #expect(try again.finishProgram().sane)
    }
}
