import Foundation
import OTLPClientSupport
import TerminalTestSupport
import Testing
import TestSupport

/// `trex --listen` in a real terminal (tmux): the explorer opens on a store, the user scrolls,
/// the real OpenTelemetry SDK script (OTelSDKTests' fixture) exports to the receiver the
/// explorer runs, and its traces appear without moving the selection; n jumps to them, Enter
/// opens one, q quits sane and the spans stay in the store. Without the SDK's venv the traces
/// come from the project's own gRPC client instead (said in the test's output).
@Suite("trex --listen in tmux", .serialized)
struct LiveExplorerEndToEndTests {
    static let samples = TrexBinary.packageRoot.appendingPathComponent("docs/samples").path

    @Test("Traces from the SDK arrive while the user scrolls; n jumps to them; they stay in the store")
    func tracesArriveWhileTheUserScrolls() async throws {
        let session = try TmuxSession(width: 150, height: 40)
        let store = session.directory.appendingPathComponent("live.sqlite").path
        _ = try TrexBinary.run(["import", "--store", store, Self.samples])
        try session.startProgram("XDG_STATE_HOME=\(session.directory.path) XDG_CONFIG_HOME=\(session.directory.path) "
                                 + "\(TrexBinary.path) --listen --grpc 127.0.0.1:0 --http 127.0.0.1:0 --store \(store)")
        guard let first = session.waitFor(timeout: .seconds(15), { $0.contains("LIVE") && $0.contains("[1/24]") }) else {
            Issue.record("no live explorer; screen:\n\(session.captureWithHistory())")
            return
        }
        let grpc = try #require(first.firstMatch(of: /grpc 127\.0\.0\.1:(\d+)/), "\(first)")
        let http = try #require(first.firstMatch(of: /http 127\.0\.0\.1:(\d+)/), "\(first)")
        try session.press("j", "j", "j")
        #expect(session.waitFor { $0.contains("[4/24]") } != nil)

        let directory = TemporaryDirectory()
        if OTelSDKTests.venvReady {
            let run = try OTelSDKTests().runApp(["--exporter", "grpc", "--endpoint", "http://127.0.0.1:\(grpc.output.1)",
                                                 "--expect", directory.file("expect.json")], in: directory)
            #expect(run.status == 0, "\(run.output)")
            let again = try OTelSDKTests().runApp(["--exporter", "http", "--endpoint",
                                                   "http://127.0.0.1:\(http.output.1)/v1/traces",
                                                   "--expect", directory.file("expect2.json")], in: directory)
            #expect(again.status == 0, "\(again.output)")
        } else {
            print("LiveExplorerEndToEndTests: no OpenTelemetry SDK venv (scripts/otel-venv): the project's gRPC client sends")
            let client = try OTLPGRPCExporter(port: try #require(Int(grpc.output.1)))
            _ = try await client.export(OTLPRequestFactory.request(traces: 6, spansPerTrace: 5))
            await client.close()
        }
        // Six traces arrived (three per export); the selection stayed on the fourth row.
        guard let arrived = session.waitFor(timeout: .seconds(10), { $0.contains("6 new (n)") }) else {
            Issue.record("no new traces on screen:\n\(session.capture())")
            return
        }
        #expect(arrived.contains("[4/30]"), "\(arrived)")
        try session.press("j")
        #expect(session.waitFor { $0.contains("[5/30]") } != nil, "the list still scrolls")
        try session.press("n")
        #expect(session.waitFor { $0.contains("6 new traces from here.") && !$0.contains("new (n)") } != nil,
                "\(session.capture())")
        try session.press("k")
        #expect(session.waitFor { $0.contains("[24/30]") } != nil, "n selected the 25th, the first new trace")
        try session.press("j")
        try session.press("Enter")
        let rootName = OTelSDKTests.venvReady ? "GET /checkout" : "POST /api/checkout"
        #expect(session.waitFor { $0.contains(rootName) && $0.contains("live ") } != nil, "\(session.capture())")
        try session.press("q")
        #expect(session.waitFor { $0.contains("LIVE") } != nil)
        try session.press("q")
        try session.expectCleanExit()
        let list = try TrexBinary.run(["list", "--store", store])
        #expect(list.stdout.split(separator: "\n").count == 31, "the 24 imported and 6 received: \(list.stdout)")
    }
}
