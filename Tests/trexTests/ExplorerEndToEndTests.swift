import Foundation
import TerminalTestSupport
import Testing

/// The real `trex` binary driving a real terminal (tmux): the flows of issues 5 and 6, typed as
/// a person would, with screens read back by polling `capture-pane` (never fixed sleeps), and the
/// terminal checked sane (`stty -a` unchanged) after every exit.
@Suite("trex explorer in tmux", .serialized)
struct ExplorerEndToEndTests {
    static let samples = TrexBinary.packageRoot.appendingPathComponent("docs/samples").path
    static let trex = TrexBinary.path

    /// Starts trex with arguments in a fresh session and waits for `ready` on screen.
    func start(_ arguments: String, ready: String, width: Int = 120, height: Int = 40,
               environment: String = "") throws -> TmuxSession {
        let session = try TmuxSession(width: width, height: height)
        // A private history file per session, so runs never see each other's filters.
        // And a private config directory: the user's ~/.config/trex/config.toml never applies.
        try session.startProgram("\(environment) XDG_STATE_HOME=\(session.directory.path) "
                                 + "XDG_CONFIG_HOME=\(session.directory.path) \(Self.trex) \(arguments)")
        if session.waitFor(timeout: .seconds(15), { $0.contains(ready) }) == nil {
            Issue.record("trex did not show \"\(ready)\"; screen:\n\(session.captureWithHistory())")
        }
        return session
    }

    private func statusLine(_ screen: String) -> String {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.count >= 3 ? String(lines[lines.count - 3]) : ""
    }

    @Test("Trace list: filter with the primer's queries, a bad query's caret, sort, resize, quit sane")
    func traceListFlow() throws {
        let session = try start(Self.samples, ready: "24 traces")
        // The first line can be on screen before the column titles: wait for them.
        #expect(session.waitFor { $0.contains("START▲") } != nil, "\(session.capture())")

        try session.press("/")
        #expect(session.waitFor { $0.contains("filter traces:") } != nil)
        try session.tmux(["send-keys", "-l", #"Duration > 5s AND service.name="checkout""#])
        try session.press("Enter")
        #expect(session.waitFor { $0.contains("match.") && $0.contains("MATCH") } != nil, "\(session.capture())")
        #expect(session.capture().contains("POST /api/checkout"))

        // A bad query: the error and a caret under its column, and the bar stays open.
        try session.press("/", "C-u")
        try session.tmux(["send-keys", "-l", "Status = ERROR AND Duraton > 5s"])
        guard let bad = session.waitFor({ $0.contains("did you mean `duration`?") }) else {
            Issue.record("no diagnostic; screen:\n\(session.capture())")
            return
        }
        let lines = bad.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let input = try #require(lines.firstIndex { $0.hasPrefix("filter traces: ") })
        let column = lines[input].distance(from: lines[input].startIndex, to: lines[input].range(of: "Duraton")!.lowerBound)
        #expect(Array(lines[input + 1]).count > column && Array(lines[input + 1])[column] == "^", "\(bad)")
        try session.press("Enter")
        #expect(session.capture().contains("filter traces: "), "Enter on a bad query keeps the bar open")

        // Fix it with the primer's second query.
        try session.press("C-u")
        try session.tmux(["send-keys", "-l", #"Status = ERROR AND span.name="database.query""#])
        try session.press("Enter")
        #expect(session.waitFor { statusLine($0).contains("match") && !$0.contains("filter traces:") } != nil)
        try session.press("j")
        #expect(session.waitFor { statusLine($0).contains("of 24 traces match") } != nil, "\(session.capture())")

        // The third, recalled from history after clearing.
        try session.press("\\")
        #expect(session.waitFor { statusLine($0).contains("24 traces") } != nil)
        try session.press("/", "C-u")
        try session.tmux(["send-keys", "-l", #"user.id="12345" AND http.status_code >= 400"#])
        try session.press("Enter")
        #expect(session.waitFor { statusLine($0).contains("match") } != nil)
        try session.press("/", "C-u", "Up", "Up")
        #expect(session.waitFor { $0.contains(#"filter traces: Status = ERROR AND span.name="database.query""#) } != nil)
        try session.press("Escape")
        // Wait for the bar to close: a key sent right after Esc would arrive as Alt+key.
        #expect(session.waitFor { !$0.contains("filter traces:") } != nil)

        // Sorting: s cycles columns, S reverses, the header says which.
        try session.press("s")
        #expect(session.waitFor { $0.contains("SERVICE▲") } != nil)
        try session.press("S")
        #expect(session.waitFor { $0.contains("SERVICE▼") } != nil)

        // Resizing redraws at the new size; too small says so.
        try session.resize(width: 90, height: 25)
        #expect(session.waitFor { screen in
            screen.split(separator: "\n").allSatisfy { $0.count <= 90 } && screen.contains("SERVICE▼")
        } != nil)
        try session.resize(width: 50, height: 12)
        #expect(session.waitFor { $0.lowercased().contains("too small") } != nil, "\(session.capture())")
        try session.resize(width: 120, height: 40)
        #expect(session.waitFor { $0.contains("SERVICE▼") } != nil)

        try session.press("?")
        #expect(session.waitFor { $0.contains("Keys: Trace list") } != nil)
        try session.press("Escape")
        #expect(session.waitFor { !$0.contains("Keys: Trace list") } != nil)
        try session.press("q")
        try session.expectCleanExit(status: "0")
    }

    @Test("A metrics query in the filter bar draws a chart above the traces it counts; clearing the filter removes it")
    func metricsChart() throws {
        let session = try start(Self.samples, ready: "24 traces")
        try session.press("/")
        #expect(session.waitFor { $0.contains("filter traces:") } != nil)
        try session.tmux(["send-keys", "-l", "{ } | quantile_over_time(duration, .99) by (resource.service.name)"])
        try session.press("Enter")
        guard let screen = session.waitFor({ $0.contains("series over") }) else {
            Issue.record("no chart; screen:\n\(session.capture())")
            return
        }
        #expect(screen.contains("UTC"), "the time axis")
        #expect(screen.contains(#"{resource.service.name="frontend", p="0.99"}"#) || screen.contains("+"), "the legend")
        #expect(screen.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }, "braille dots:\n\(screen)")
        #expect(screen.contains("START▲"), "the list under the chart")
        // The list still works under the chart: Enter opens the selected trace.
        try session.press("Enter")
        #expect(session.waitFor { $0.contains("SERVICE  SPAN") } != nil, "\(session.capture())")
        try session.press("Escape")
        #expect(session.waitFor { $0.contains("series over") || $0.contains("START▲") } != nil)
        try session.press("\\")
        let cleared = session.waitFor { screen in
            !screen.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) } && screen.contains("24 traces · 352 spans  [")
        }
        #expect(cleared != nil, "the chart stays after clearing:\n\(session.capture())")
        try session.press("q")
        try session.expectCleanExit(status: "0")
    }

    @Test("The service map: m from the list, move, pick a call, Enter lists its traces; m from a waterfall, q back")
    func serviceMap() throws {
        let session = try start(Self.samples, ready: "24 traces", width: 80, height: 24)
        try session.press("m")
        guard let map = session.waitFor({ $0.contains("Service map · 12 services") }) else {
            Issue.record("no map; screen:\n\(session.capture())")
            return
        }
        #expect(map.contains("┏"), "the selected service is drawn heavy:\n\(map)")
        try session.press("l")
        try session.press("Tab")
        guard session.waitFor({ $0.contains(" → ") && $0.contains(" call") }) != nil else {
            Issue.record("no call picked; screen:\n\(session.capture())")
            return
        }
        try session.press("Enter")
        #expect(session.waitFor { $0.contains("traces match.") && $0.contains("MATCH") } != nil, "\(session.capture())")
        // From a waterfall and back to it.
        try session.press("Enter")
        #expect(session.waitFor { $0.contains("SERVICE") && $0.contains("SPAN") } != nil)
        try session.press("m")
        #expect(session.waitFor { $0.contains("Service map") } != nil)
        try session.press("q")
        #expect(session.waitFor { !$0.contains("Service map") && $0.contains("SPAN") } != nil, "\(session.capture())")
        try session.press("q")
        #expect(session.waitFor { $0.contains("START▲") } != nil)
        try session.press("q")
        try session.expectCleanExit(status: "0")
    }

    @Test("Statistics: T from the list, sort, self time, per service, Enter lists a row's traces, T from a waterfall, q back")
    func statistics() throws {
        let session = try start(Self.samples, ready: "24 traces", width: 100, height: 30)
        try session.press("T")
        #expect(session.waitFor { $0.contains("Statistics · 64 operations · duration") && $0.contains("COUNT▼") } != nil,
                "\(session.capture())")
        try session.press("s", "t")
        #expect(session.waitFor { $0.contains("SELF ERR%") || $0.contains("self time · sorted by ERR%") } != nil,
                "\(session.capture())")
        try session.press("Tab")
        #expect(session.waitFor { $0.contains("Statistics · 9 services") } != nil, "\(session.capture())")
        try session.press("Enter")
        #expect(session.waitFor { $0.contains("match") && $0.contains("DURATION▼") } != nil, "\(session.capture())")
        try session.press("Enter")
        #expect(session.waitFor { $0.contains("SERVICE") && $0.contains("SPAN") } != nil)
        try session.press("T")
        #expect(session.waitFor { $0.contains("Statistics ·") } != nil)
        try session.press("q")
        #expect(session.waitFor { !$0.contains("Statistics ·") && $0.contains("SPAN") } != nil, "\(session.capture())")
        try session.press("q")
        try session.press("q")
        try session.expectCleanExit(status: "0")
    }

    @Test("Statistics compared: c the halves, w two written windows, a bad pair said, c back")
    func statisticsCompared() throws {
        let session = try start(Self.samples, ready: "24 traces", width: 160, height: 40)
        try session.press("T", "c")
        #expect(session.waitFor { $0.contains("first half → second half") && $0.contains("P50 B Δ") } != nil,
                "\(session.capture())")
        try session.press("w")
        #expect(session.waitFor { $0.contains("compare windows") } != nil, "\(session.capture())")
        try session.tmux(["send-keys", "-l", "..1h 2h.."])
        try session.press("Enter")
        #expect(session.waitFor { $0.contains("..1h → 2h..") } != nil, "\(session.capture())")
        try session.press("w", "C-u")
        try session.tmux(["send-keys", "-l", "soon"])
        try session.press("Enter")
        #expect(session.waitFor { $0.contains("Windows: write two windows") } != nil, "\(session.capture())")
        try session.press("c")
        #expect(session.waitFor { $0.contains("Statistics · 64 operations") } != nil, "\(session.capture())")
        try session.press("q")
        #expect(session.waitFor { $0.contains("START▲") } != nil, "\(session.capture())")
        try session.press("q")
        try session.expectCleanExit(status: "0")
    }

    @Test("Lint: I from the list lists every finding with its fix, Enter opens an example span, I in its waterfall, Tab, q back")
    func lint() throws {
        let session = try start(Self.samples, ready: "24 traces", width: 140, height: 40)
        try session.press("I")
        #expect(session.waitFor { $0.contains("Lint · every trace · 0 errors, 20 warnings, 0 infos · 24 traces, 352 spans") } != nil,
                "\(session.capture())")
        #expect(session.capture().contains("net.peer.port is deprecated in the semantic conventions (1.44.0): use server.port"))
        try session.press("G")
        #expect(session.waitFor { $0.contains("get /api/orders") && $0.contains("spans-in-loop") } != nil, "\(session.capture())")
        try session.press("Enter")
        #expect(session.waitFor { $0.contains("SERVICE") && $0.contains("SPAN") && $0.contains("database.query") } != nil,
                "\(session.capture())")
        try session.press("I")
        #expect(session.waitFor { $0.contains("Lint · trace ") && $0.contains("spans-in-loop") } != nil, "\(session.capture())")
        try session.press("Tab")
        #expect(session.waitFor { $0.contains("Lint · every trace") } != nil, "\(session.capture())")
        try session.press("q")
        #expect(session.waitFor { !$0.contains("Lint ·") && $0.contains("SPAN") } != nil, "\(session.capture())")
        try session.press("q", "q")
        try session.expectCleanExit(status: "0")
    }

    @Test("Sampling what-if: P shows the fitted plan, e writes policies, a bad rule's column said, Esc back")
    func sampling() throws {
        let session = try start(Self.samples, ready: "24 traces", width: 140, height: 40)
        try session.press("P")
        #expect(session.waitFor { $0.contains("Sampling what-if · 24 traces, 352 spans · seed 1") && $0.contains("head 10%") } != nil,
                "\(session.capture())")
        try session.press("e", "C-u")
        try session.tmux(["send-keys", "-l", "head 50%; tail Duration > 1s"])
        try session.press("Enter")
        #expect(session.waitFor { $0.contains("tail Duration > 1s + head 50%") && $0.contains("8 (33.3%)") } != nil,
                "\(session.capture())")
        try session.press("e", "C-u")
        try session.tmux(["send-keys", "-l", "tail Duration >"])
        try session.press("Enter")
        #expect(session.waitFor { $0.contains("Tail rule, column 11") } != nil, "\(session.capture())")
        try session.press("Escape")
        #expect(session.waitFor { $0.contains("START▲") } != nil, "\(session.capture())")
        try session.press("q")
        try session.expectCleanExit(status: "0")
    }

    @Test("Trace compare: x marks A in the list, = compares the next trace, q back; B from a waterfall, Esc back")
    func traceCompare() throws {
        let session = try start(Self.samples, ready: "24 traces", width: 120, height: 30)
        try session.press("x")
        #expect(session.waitFor { $0.contains("Marked trace") } != nil, "\(session.capture())")
        try session.press("j", "=")
        #expect(session.waitFor { $0.contains("B - A: duration") && $0.contains("PATH") } != nil, "\(session.capture())")
        try session.press("d")
        #expect(session.waitFor { $0.contains("changed only") } != nil, "\(session.capture())")
        try session.press("q")
        #expect(session.waitFor { $0.contains("START▲") && !$0.contains("B - A:") } != nil, "\(session.capture())")
        // The first trace is a checkout; two more copies of it are loaded: its baseline.
        try session.press("g", "Enter")
        #expect(session.waitFor { $0.contains("SERVICE") && $0.contains("SPAN") } != nil)
        try session.press("B")
        #expect(session.waitFor { $0.contains("BASE: median of") && $0.contains("TRACE - BASE:") } != nil, "\(session.capture())")
        try session.press("Escape")
        #expect(session.waitFor { !$0.contains("TRACE - BASE:") && $0.contains("SPAN") } != nil, "\(session.capture())")
        try session.press("q", "q")
        try session.expectCleanExit(status: "0")
    }

    @Test("Latency over time: L from the list, a rectangle from the keys and one dragged with the mouse list their traces, \\ clears; L from a waterfall, Esc back")
    func latency() throws {
        let session = try start(Self.samples, ready: "24 traces", width: 100, height: 30)
        #expect(session.capture().split(separator: "\n").dropFirst().first?.hasPrefix(" p95 ") == true,
                "the p95 line above the column titles:\n\(session.capture())")
        try session.press("L")
        // The status line can be drawn before the axes: wait for the time axis too.
        guard let plot = session.waitFor({ $0.contains("Latency over time · 24 traces, 4 with errors · scatter") && $0.contains("UTC") }) else {
            Issue.record("no plot; screen:\n\(session.capture())")
            return
        }
        #expect(plot.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }, "braille dots:\n\(plot)")
        #expect(plot.contains("UTC") && plot.contains("10s ┤"), "the axes:\n\(plot)")

        // From the first trace's cell (1.21 s at the start) to the bottom right: the traces as fast or faster.
        try session.press("v")
        try session.tmux(["send-keys"] + Array(repeating: "l", count: 100) + Array(repeating: "j", count: 30))
        guard let stretched = session.waitFor({ statusLine($0).contains("Rectangle: ") && statusLine($0).contains("× 0–") }),
              let count = statusLine(stretched).split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else {
            Issue.record("no rectangle; screen:\n\(session.capture())")
            return
        }
        #expect((2..<24).contains(count), "\(statusLine(stretched))")
        try session.press("Enter")
        #expect(session.waitFor { $0.contains("START▲") && statusLine($0).contains("\(count) traces in ") } != nil,
                "\(session.capture())")
        try session.press("j")
        #expect(session.waitFor { statusLine($0).contains("\(count) of 24 traces in the selection ") } != nil,
                "the status line says what is shown and how to undo it:\n\(session.capture())")
        try session.press("\\")
        #expect(session.waitFor { statusLine($0).contains("24 traces · 352 spans") } != nil, "\(session.capture())")

        // The mouse: a drag over the whole plot (the gutter of `100ms` is 6 columns, the plot 24
        // rows under the headline), then a double click in it.
        try session.press("L")
        #expect(session.waitFor { $0.contains("Latency over time") } != nil)
        try session.mouseDown(x: 7, y: 1)
        #expect(session.waitFor { statusLine($0).contains("Rectangle: ") } != nil, "the press anchors a corner")
        try session.mouseUp(x: 99, y: 24)
        #expect(session.waitFor { statusLine($0).contains("Rectangle: 24 traces (4 with errors)") } != nil,
                "\(session.capture())")
        try session.doubleClick(x: 50, y: 12)
        #expect(session.waitFor { $0.contains("START▲") && statusLine($0).contains("24 traces in ") } != nil,
                "\(session.capture())")
        try session.press("\\")
        #expect(session.waitFor { statusLine($0).contains("24 traces · 352 spans") } != nil)

        // From a waterfall (the first trace's, the checkout), and back to it.
        try session.press("g", "Enter")
        #expect(session.waitFor { $0.contains("SERVICE  SPAN") } != nil)
        try session.press("L")
        #expect(session.waitFor { $0.contains("Latency over time") && statusLine($0).contains("GET /checkout") } != nil,
                "the cursor on the open trace:\n\(session.capture())")
        try session.press("Escape")
        #expect(session.waitFor { !$0.contains("Latency over time") && $0.contains("SERVICE  SPAN") } != nil,
                "\(session.capture())")
        try session.press("q")
        #expect(session.waitFor { $0.contains("START▲") } != nil)
        try session.press("q")
        try session.expectCleanExit(status: "0")
    }

    @Test("Waterfall: step to the slow payment call, fold, critical path, detail, follow a link, quit sane")
    func waterfallFlow() throws {
        let session = try start(Self.samples + "/otlp", ready: "6 traces")
        // Sort by duration, longest first, and open the checkout with the slow payment call.
        try session.press("/")
        try session.tmux(["send-keys", "-l", #"span.name = "POST https://api.payments.example/v1/charges""#])
        try session.press("Enter", "Enter")
        #expect(session.waitFor { $0.contains("SERVICE  SPAN") } != nil, "\(session.capture())")

        // The filter carried into the trace selected the payment call; ] and [ step along the
        // critical path away from it and back.
        #expect(session.waitFor { statusLine($0).contains("api.payments.example") } != nil, "\(session.capture())")
        try session.press("]")
        #expect(session.waitFor { !statusLine($0).contains("api.payments.example") } != nil)
        try session.press("[")
        #expect(session.waitFor { statusLine($0).contains("api.payments.example") } != nil, "\(session.capture())")
        let paymentStatus = statusLine(session.capture())
        #expect(paymentStatus.contains("780ms, 64% of the response, on the critical path"), "\(paymentStatus)")

        // Fold its parent, then unfold.
        try session.press("p", "Enter")
        #expect(session.waitFor { !$0.contains("risk-score") } != nil)
        try session.press("Enter")
        #expect(session.waitFor { $0.contains("risk-score") } != nil)

        try session.press("c")
        #expect(session.waitFor { statusLine($0).contains("Critical path hidden.") } != nil)
        try session.press("c")

        try session.press("Tab")
        #expect(session.waitFor { $0.contains("Span detail") && $0.contains("traceparent") } != nil)
        try session.press("Tab")
        #expect(session.waitFor { !$0.contains("Span detail") } != nil)
        // p was a jump: q goes back to the payment call first, then to the list.
        try session.press("q")
        #expect(session.waitFor { statusLine($0).contains("api.payments.example") } != nil, "\(session.capture())")
        try session.press("q")
        #expect(session.waitFor { $0.contains("START") } != nil)

        // The order pipeline: the consumer links to its producer; Enter on the link follows it.
        try session.press("/", "C-u")
        try session.tmux(["send-keys", "-l", #"span.name = "orders process""#])
        try session.press("Enter", "Enter", "/", "C-u")
        try session.tmux(["send-keys", "-l", #"span.name = "orders process""#])
        try session.press("Enter", "n", "BTab")
        #expect(session.waitFor { $0.contains("Span detail (keys here") } != nil, "\(session.capture())")
        try session.press("G")
        #expect(session.waitFor { $0.contains("Links (1)") } != nil, "\(session.capture())")
        for _ in 0..<30 {
            try session.press("k", "Enter")
            if session.waitFor(timeout: .milliseconds(300), { statusLine($0).contains("Followed the link") }) != nil { break }
        }
        // The detail pane now shows the producer span the link pointed to.
        #expect(session.waitFor { $0.contains("│ checkout orders publish") } != nil, "\(session.capture())")

        // Back from the link, to the list, out.
        try session.press("q", "q", "q")
        try session.expectCleanExit(status: "0")
    }

    @Test("On call: the checkout's bottleneck in two keys; the login failure's origin in three, its detail, its JSON, back")
    func onCallFlows() throws {
        let session = try start(Self.samples + "/otlp", ready: "6 traces")
        // The checkout (the first row): Enter, b.
        try session.press("Enter", "b")
        #expect(session.waitFor { statusLine($0).contains("POST https://api.payments.example/v1/charges: 780ms, 64% of the response") } != nil,
                "\(session.capture())")
        try session.press("q", "q")   // back from the jump, to the list
        #expect(session.waitFor { $0.contains("START") } != nil)

        // The login failure (the third row): its PROBLEMS mark, found in the background, says
        // errors with an origin; then j j Enter, and r to where the error started.
        let marked = session.waitFor { screen in
            screen.split(separator: "\n").contains { $0.contains("POST /login") && $0.contains(" E······ ") }
        }
        #expect(marked != nil, "the login's problems mark: \(session.capture())")
        #expect(session.capture().split(separator: "\n").contains { $0.contains("GET /api/quote") && $0.contains(" ·S····· ") })
        try session.press("j", "j", "Enter")
        #expect(session.waitFor { $0.contains("Error started at") } != nil, "the header leads with the origin: \(session.capture())")
        try session.press("r")
        #expect(session.waitFor { statusLine($0).contains("ERROR (origin of") } != nil, "\(session.capture())")
        try session.press("Tab")
        #expect(session.waitFor { $0.contains("Span detail") && $0.contains("status") } != nil)
        try session.press("J")
        #expect(session.waitFor { $0.contains("OTLP JSON of this span") && $0.contains("\"resourceSpans\"") } != nil,
                "\(session.capture())")
        // (Esc and the next key are sent apart: together a terminal reads them as Alt-key.)
        try session.press("Escape")
        #expect(session.waitFor { !$0.contains("OTLP JSON") && $0.contains("Span detail") } != nil)
        try session.press("Escape")
        #expect(session.waitFor { !$0.contains("Span detail") } != nil)
        try session.press("q")   // back from the jump, to the root
        #expect(session.waitFor { statusLine($0).contains("frontend POST /login") } != nil, "\(session.capture())")
        try session.press("q", "q")
        try session.expectCleanExit(status: "0")
    }

    @Test("The mouse: a click selects, the wheel scrolls, a double click opens and folds; off on exit and with --no-mouse")
    func mouse() throws {
        let session = try start(Self.samples, ready: "24 traces")
        #expect(session.reportsMouse)
        // Rows start under the overview, the p95 line and the column titles (y = 3).
        try session.mouse(.left, x: 10, y: 6)
        #expect(session.waitFor { statusLine($0).contains("[4/24]") } != nil, "\(session.capture())")
        try session.mouse(.wheelDown, x: 10, y: 6)
        #expect(session.waitFor { statusLine($0).contains("[7/24]") } != nil, "\(session.capture())")
        try session.mouse(.wheelUp, x: 10, y: 6)
        #expect(session.waitFor { statusLine($0).contains("[4/24]") } != nil)
        // A double click on the first row opens the checkout; one on its root folds it.
        try session.doubleClick(x: 10, y: 3)
        #expect(session.waitFor { $0.contains("SERVICE  SPAN") } != nil, "\(session.capture())")
        try session.doubleClick(x: 10, y: 4)
        #expect(session.waitFor { $0.contains("▸ frontend GET /checkout +16") } != nil, "\(session.capture())")
        try session.press("q", "q")
        try session.expectCleanExit(status: "0")
        #expect(!session.reportsMouse, "mouse reporting left on after q")

        // Killed: the guard turns reporting off too.
        let killed = try start(Self.samples, ready: "24 traces")
        #expect(killed.reportsMouse)
        try killed.tmux(["send-keys", "C-c"])
        #expect(try killed.finishProgram().sane)
        #expect(!killed.reportsMouse, "mouse reporting left on after Ctrl-C")

        // --no-mouse, and the config file's `mouse = false`: the terminal keeps the mouse.
        let off = try start("--no-mouse " + Self.samples, ready: "24 traces")
        #expect(!off.reportsMouse)
        try off.press("q")
        try off.expectCleanExit(status: "0")
        let configured = try TmuxSession(width: 120, height: 40)
        try FileManager.default.createDirectory(at: configured.directory.appendingPathComponent("trex"), withIntermediateDirectories: true)
        try "mouse = false\n".write(to: configured.directory.appendingPathComponent("trex/config.toml"), atomically: true, encoding: .utf8)
        try configured.startProgram("XDG_CONFIG_HOME=\(configured.directory.path) \(Self.trex) \(Self.samples)")
        #expect(configured.waitFor(timeout: .seconds(15)) { $0.contains("24 traces") } != nil)
        #expect(!configured.reportsMouse)
        try configured.press("q")
        try configured.expectCleanExit(status: "0")
    }

    @Test("--ascii and LANG=C draw every glyph in ASCII, the list and the waterfall")
    func asciiOnly() throws {
        for (arguments, environment) in [("--ascii", ""), ("", "LANG=C LC_ALL=C")] {
            let session = try start("\(arguments) " + Self.samples + "/otlp", ready: "6 traces", environment: environment)
            let list = session.capture()
            #expect(!list.unicodeScalars.contains { !$0.isASCII }, "\(list)")
            try session.press("j", "j", "Enter")
            #expect(session.waitFor { $0.contains("SERVICE  SPAN") } != nil)
            let waterfall = session.capture()
            #expect(!waterfall.unicodeScalars.contains { !$0.isASCII }, "\(waterfall)")
            #expect(waterfall.contains("#"), "bars in ASCII")
            try session.press("q", "q")
            try session.expectCleanExit(status: "0")
        }
    }

    @Test("Themes: mono draws no colour, dark draws colour, a bad theme is a clear error")
    func themes() throws {
        let mono = try start("--theme mono " + Self.samples, ready: "24 traces")
        #expect(try !mono.showsColour())
        try mono.press("q")
        #expect(try mono.finishProgram().sane)

        let dark = try start("--theme dark " + Self.samples, ready: "24 traces")
        #expect(try dark.showsColour())
        try dark.press("q")
        #expect(try dark.finishProgram().sane)

        let broken = try start("--theme /nonexistent.theme " + Self.samples, ready: "$")
        #expect(broken.waitFor { $0.contains("cannot read theme /nonexistent.theme") } != nil)
        #expect(try broken.finishProgram().status == "2")
    }

    @Test("Ctrl-C, SIGTERM and SIGHUP leave a sane terminal", arguments: ["C-c", "TERM", "HUP"])
    func interruptions(how: String) throws {
        let session = try start(Self.samples, ready: "24 traces")
        if how == "C-c" {
            try session.press("C-c")
        } else {
            try session.tmux(["run-shell", "pkill -\(how) -f '^\(Self.trex) \(Self.samples)$' || true"])
        }
        try session.expectCleanExit(status: ["C-c": "130", "TERM": "143", "HUP": "129"][how]!)
    }

    @Test("A malformed file loads what is valid and the warnings are printed after the explorer exits")
    func malformedInput() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("trex-e2e-bad-\(UUID().uuidString).json")
        var data = try Data(contentsOf: URL(fileURLWithPath: Self.samples + "/otlp/n-plus-one.json"))
        data = data.prefix(data.count / 2)
        try data.write(to: file)
        let session = try start(file.path, ready: "START▲")
        #expect(session.waitFor { statusLine($0).contains("warning") } != nil, "\(session.capture())")
        try session.press("q")
        try session.expectCleanExit(status: "0")
        #expect(session.captureWithHistory().contains(file.path))
    }

    @Test("The trace store opens in the explorer: trex --store PATH, and alone with files")
    func store() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trex-e2e-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let store = dir.appendingPathComponent("traces.sqlite").path
        let imported = try TrexBinary.run(["import", "--store", store, Self.samples + "/otlp"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let session = try start("--store \(store)", ready: "6 traces")
        try session.press("q")
        #expect(try session.finishProgram().status == "0")
        // Files and the store together: the store's 6 traces and the Jaeger files' 6.
        let both = try start("--store \(store) \(Self.samples)/jaeger", ready: "12 traces")
        try both.press("q")
        #expect(try both.finishProgram().sane)
    }

    @Test("y in the detail pane copies the selected value to the clipboard with OSC 52")
    func copyToClipboard() throws {
        let session = try start(Self.samples + "/otlp", ready: "6 traces")
        // tmux turns an application's OSC 52 into a paste buffer when set-clipboard is on.
        try session.tmux(["set-option", "-g", "set-clipboard", "on"])
        try session.press("Enter", "BTab")
        #expect(session.waitFor { $0.contains("Span detail (keys here") } != nil)
        // The first line is the span's name: copy it.
        try session.press("g", "y")
        #expect(session.waitFor { statusLine($0).contains("Copied ") } != nil, "\(session.capture())")
        let copied = statusLine(session.capture())
        let buffer = (try? session.tmux(["show-buffer"])) ?? ""
        #expect(!buffer.isEmpty && copied.contains(String(buffer.prefix(20))), "buffer \(buffer), status \(copied)")
        try session.press("q", "q")
        #expect(try session.finishProgram().sane)
    }

    @Test("A file whose names hold escape sequences neither renames the window nor clears the screen")
    func hostileNames() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("trex-e2e-hostile-\(UUID().uuidString).json")
        // Span and service names that set the window title (OSC 0 and 2), clear the screen, write
        // the clipboard (OSC 52), and a C1 CSI and a bidi override.
        let evil = #"evil\u001b]0;PWNED\u0007\u001b]2;PWNED2\u001b\\\u001b[2J\u001b]52;c;cHduZWQ=\u0007\u009b7m\u202eRTL"#
        let json = """
            {"resourceSpans": [{"resource": {"attributes": [{"key": "service.name", "value": {"stringValue": "\(evil)"}}]},
              "scopeSpans": [{"spans": [{"traceId": "0af7651916cd43dd8448eb211c80319c", "spanId": "00f067aa0ba902b7",
                "name": "\(evil)", "startTimeUnixNano": "1732542440000000000", "endTimeUnixNano": "1732542440900000000",
                "attributes": [{"key": "k", "value": {"stringValue": "\(evil)"}}]}]}]}]}
            """
        try Data(json.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let session = try TmuxSession(width: 160, height: 40)
        try session.tmux(["set-option", "-g", "set-clipboard", "on"])
        let title = try session.tmux(["display-message", "-p", "#{pane_title}"])
        try session.startProgram("XDG_STATE_HOME=\(session.directory.path) \(Self.trex) \(file.path)")
        let list = session.waitFor(timeout: .seconds(15)) { $0.contains("1 trace") }
        #expect(list?.contains(#"evil\e]0;PWNED\a"#) == true, "\(session.capture())")
        try session.press("Enter", "Tab")
        let detail = session.waitFor { $0.contains("Span detail") }
        #expect(detail?.contains(#"\u{9B}7m\u{202E}RTL"#) == true, "\(session.capture())")
        #expect(try session.tmux(["display-message", "-p", "#{pane_title}"]) == title, "the window title is unchanged")
        #expect(!(try session.tmux(["display-message", "-p", "#{pane_title} #{window_name}"])).contains("PWNED"))
        #expect(((try? session.tmux(["show-buffer"])) ?? "") != "pwned", "the clipboard was not written")
        try session.press("q", "q")
        try session.expectCleanExit(status: "0")
        #expect(try session.tmux(["display-message", "-p", "#{pane_title}"]) == title)
    }
}
