import Foundation
import ExplorerUI
import RemoteTestSupport
import TerminalCore
import TraceModel
import TraceRemote
import TraceStore
import TraceWorkspace

/// A backend served locally (`FakeBackendServer` answering as Jaeger's and Tempo's APIs
/// document, from a `FakeTraceArchive`: spans with 14 attributes each, as an HTTP service's SDK
/// writes them):
/// - the trace list from a search of 1,000 traces of 10 spans: the paged search (50 a page),
///   decoding, the listing and the explorer's first frame. Jaeger returns whole traces; Tempo
///   lists ids and each trace is fetched (8 at once). Target: under 2 s.
/// - a 50,000-span trace from Tempo's `/api/v2/traces/{id}` (OTLP JSON): fetched, decoded, and
///   its analysis (`trex analyze`'s) and waterfall's first frame. Target: under 2 s.
enum RemoteBenchmark {
    static func run(_ options: [String]) {
        let traces = Bench.option("--traces", in: options) ?? 1_000
        let spans = Bench.option("--spans", in: options) ?? 50_000
        let now = Int64(Date().timeIntervalSince1970 * 1e6)
        let archive = FakeTraceArchive(count: traces, end: now - 5_000_000, spacing: 2_000_000, spansPerTrace: 10).prerendered()
        do {
            try searchToList(archive, traces: traces, backend: .jaeger)
            try searchToList(archive, traces: traces, backend: .tempo)
            try bigTrace(spans: spans, now: now)
        } catch {
            print("  failed: \(error)")
        }
    }

    static func server(_ archive: FakeTraceArchive) throws -> FakeBackendServer {
        try FakeBackendServer(routes: [
            .init("/api/v3/services") { _ in .init(status: 404, body: Array("404 page not found".utf8)) },
            .init("/api/services") { _ in .json(#"{"data": ["frontend", "checkout"]}"#) },
            .init("/api/traces", required: ["service"], accepted: ["start", "end", "limit"]) { archive.jaegerSearch($0) },
            .init("/api/search", accepted: ["q", "start", "end", "limit", "spss"]) { archive.tempoSearch($0) },
            .init("/api/v2/traces/{id}") { archive.tempoTraceByID($0) },
        ])
    }

    static let size = Size(width: 160, height: 50)
    static let capabilities = TerminalCapabilities(colorMode: .color256, isUTF8: true, terminalName: "bench")

    static func searchToList(_ archive: FakeTraceArchive, traces: Int, backend: RemoteEndpoint.Backend) throws {
        let server = try server(archive)
        defer { server.stop() }
        var options = RemoteOptions()
        options.limit = traces
        options.lookback = .seconds(Int64(traces) * 2 + 3_600)
        var runs: [Double] = []
        var listed = 0
        for _ in 0..<5 {
            let (count, elapsed) = try Bench.time { () throws -> Int in
                let source = try RemoteSource.open(RemoteEndpoint(backend: backend, baseURL: server.baseURL), options: options)
                let workspace = Workspace(sources: [source])
                let listing = try workspace.listing()
                let app = ExplorerApp(workspace: workspace, listing: listing,
                                      report: LoadReport(sources: ["\(backend)"], messages: [], spansSkipped: 0, seconds: 0))
                app.screenSize = size
                var frame = Frame(size: size)
                app.render(&frame, capabilities: capabilities)
                return listing.count
            }
            listed = count
            runs.append(Bench.milliseconds(elapsed))
        }
        runs.sort()
        let requests = server.requests.count / 5
        print("  \(backend): a search of \(listed) traces (\(traces * 10) spans, \(requests) requests) to the list's first frame: "
              + "median \(Bench.fixed(runs[2], 0)) ms, best \(Bench.fixed(runs[0], 0)) ms of 5 "
              + "(target < 2000 ms: \(Bench.verdict(runs[2] < 2000)))")
    }

    static func bigTrace(spans: Int, now: Int64) throws {
        let archive = FakeTraceArchive(single: spans, start: now - 60_000_000)
        let entry = archive.entries[0]
        let body = Array(("{\"trace\": " + archive.otlpTrace(entry) + "}").utf8)
        let server = try FakeBackendServer(routes: [.init("/api/v2/traces/{id}") { _ in .init(body: body) }])
        defer { server.stop() }
        let id = TraceID(hex: entry.id)!
        var runs: [(fetch: Double, frame: Double)] = []
        for _ in 0..<3 {
            let started = Bench.clock.now
            let source = RemoteSource.connect(RemoteEndpoint(backend: .tempo, baseURL: server.baseURL), options: RemoteOptions())
            let table = try source.loadTraces([id])
            let fetched = Bench.clock.now
            guard table.traces.count == 1 else { print("  the trace did not load"); return }
            let workspace = Workspace(sources: [source])
            let app = ExplorerApp(workspace: workspace, listing: try workspace.listing(),
                                  report: LoadReport(sources: ["tempo"], messages: [], spansSkipped: 0, seconds: 0))
            app.screenSize = size
            _ = app.handle(.input(.key(.enter)))   // the waterfall, with the analysis
            var frame = Frame(size: size)
            app.render(&frame, capabilities: capabilities)
            runs.append((Bench.milliseconds(fetched - started), Bench.milliseconds(Bench.clock.now - started)))
        }
        let best = runs.min { $0.frame < $1.frame }!
        print("  tempo: a \(spans)-span trace (\(Bench.fixed(Double(body.count) / 1e6, 1)) MB of OTLP JSON) from /api/v2/traces/{id}: "
              + "fetched and decoded \(Bench.fixed(best.fetch, 0)) ms, to the waterfall's first frame \(Bench.fixed(best.frame, 0)) ms, "
              + "best of 3 (target < 2000 ms: \(Bench.verdict(best.frame < 2000)))")
    }
}
