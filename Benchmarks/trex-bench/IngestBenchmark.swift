import Foundation
import GRPCCore
import OTLPClientSupport
import Synchronization
import TraceFormats
import TraceModel
import TraceReceiver
import TraceStore

/// Sustained OTLP ingest over loopback into the store, as `trex receive` runs it: protobuf
/// batches of 512 realistic spans (OTLPRequestFactory: 14 to 19 attributes each, events,
/// links, three services) from several concurrent clients, HTTP then gRPC. Each request is
/// answered only once its spans are committed. Figures: spans/s and request latency
/// (p50, p99), retries after back-pressure, the process's peak RSS.
///
/// Options: `--spans=N` (default 262,144 per protocol), `--clients=N` (default 4).
/// The clients run in this process, on the same two cores, as an instrumented app would.
enum IngestBenchmark {
    static let batchSpans = 512

    static func run(_ options: [String]) {
        let spans = Bench.option("--spans", in: options) ?? 262_144
        let clients = Bench.option("--clients", in: options) ?? 4
        let batches = max(1, spans / batchSpans)
        var clock = Stopwatch()
        // 16 traces of 32 spans a batch, every batch its own traces.
        let bodies = (0..<(2 * batches)).map { OTLPRequestFactory.bytes(traces: 16, spansPerTrace: 32, firstTrace: $0 * 16) }
        let bytes = bodies.reduce(0) { $0 + $1.count }
        print("  generated \(2 * batches) requests of \(batchSpans) spans, \(bytes / bodies.count / batchSpans) bytes "
              + "per span in protobuf, in \(clock.lap()) s")
        breakdown(Array(bodies.prefix(batches)))
        let only = options.contains("--grpc") ? [OTLPReceiver.Endpoint.Transport.grpc]
            : options.contains("--http") ? [.http] : [.http, .grpc]
        for transport in only {
            let mine = Array(transport == .http ? bodies[..<batches] : bodies[batches...])
            do {
                try measure(transport, bodies: mine, clients: clients)
            } catch {
                print("  \(transport.rawValue): failed: \(error)")
            }
        }
        print("  peak RSS \(Bench.memory("VmHWM") >> 20) MiB")
    }

    /// The server's two steps alone, on one thread: decoding the requests, storing the tables.
    static func breakdown(_ bodies: [[UInt8]]) {
        var clock = Stopwatch()
        var tables: [SpanTable] = []
        for body in bodies {
            var builder = SpanTableBuilder()
            _ = try? OTLPProtobufDecoder.decode(body, source: "bench", into: &builder)
            tables.append(builder.finish())
        }
        let decode = clock.elapsed
        let spans = tables.reduce(0) { $0 + $1.spans.count }
        let path = "/tmp/trex-bench-ingest-steps-\(getpid()).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) } }
        do {
            let store = try PersistentStore.open(at: path, create: true)
            let ingest = StoreIngest(store: store)
            clock = Stopwatch()
            for table in tables { _ = ingest.ingest(table) }
            let storing = clock.elapsed
            print("  one thread: decode \(NumberFormat.grouped(Int(Double(spans) / decode))) spans/s, "
                  + "store (a commit per request) \(NumberFormat.grouped(Int(Double(spans) / storing))) spans/s")
        } catch {
            print("  one thread: failed: \(error)")
        }
    }

    final class Results: Sendable {
        let state = Mutex<(latencies: [Double], retries: Int, failures: Int, next: Int)>(([], 0, 0, 0))
        func take(_ count: Int) -> Int? {
            state.withLock { s in
                guard s.next < count else { return nil }
                defer { s.next += 1 }
                return s.next
            }
        }
    }

    static func measure(_ transport: OTLPReceiver.Endpoint.Transport, bodies: [[UInt8]], clients: Int) throws {
        let path = "/tmp/trex-bench-ingest-\(getpid()).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) } }
        let store = try PersistentStore.open(at: path, create: true)
        let ingest = StoreIngest(store: store)
        let receiver = try OTLPReceiver(
            grpc: transport == .grpc ? .init(.grpc, host: "127.0.0.1", port: 0) : nil,
            http: transport == .http ? .init(.http, host: "127.0.0.1", port: 0) : nil,
            maxMessageBytes: 16 << 20) { ingest.ingest($0, rejected: $1) }
        let port = receiver.endpoints[0].port
        let results = Results()
        let cpuBefore = Stopwatch.cpuSeconds()
        let clock = Stopwatch()
        let done = DispatchSemaphore(value: 0)
        Task {
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<clients {
                    group.addTask {
                        do {
                            switch transport {
                            case .http: try await sendHTTP(bodies, port: port, results: results)
                            case .grpc: try await sendGRPC(bodies, port: port, results: results)
                            }
                        } catch {
                            results.state.withLock { $0.failures += 1 }
                            print("    a client failed: \(error)")
                        }
                    }
                }
            }
            done.signal()
        }
        done.wait()
        let seconds = clock.elapsed
        let cpu = Stopwatch.cpuSeconds() - cpuBefore
        receiver.stop()
        try ingest.finish()
        let stored = try store.spanCount()
        let commits = ingest.totals.commits
        let (latencies, retries, failures, _) = results.state.withLock { $0 }
        let sorted = latencies.sorted()
        let sent = bodies.count * batchSpans
        let rate = Double(stored) / seconds
        print("  \(transport == .http ? "OTLP/HTTP" : "OTLP/gRPC"), \(clients) clients: "
              + "\(NumberFormat.grouped(Int(rate.rounded()))) spans/s (\(sent) spans in \(seconds.formatted3) s)   target >= 150,000 spans/s: "
              + Bench.verdict(rate >= 150_000))
        print("    request latency p50 \(Bench.fixed(Bench.percentile(50, sorted), 1)) ms, "
              + "p99 \(Bench.fixed(Bench.percentile(99, sorted), 1)) ms; \(retries) retries after back-pressure, "
              + "\(failures) failures; CPU \(cpu.formatted3) s; stored \(stored) of \(sent) spans in \(commits) commits")
    }

    static func sendHTTP(_ bodies: [[UInt8]], port: Int, results: Results) async throws {
        try await OTLPHTTPExporter.withConnection(port: port) { connection in
            while let index = results.take(bodies.count) {
                while true {
                    let start = ContinuousClock.now
                    let answer = try await connection.post(bodies[index])
                    let ms = Bench.milliseconds(ContinuousClock.now - start)
                    if answer.status == 200 {
                        results.state.withLock { $0.latencies.append(ms) }
                        break
                    }
                    guard answer.status == 503 else { throw BenchError.status(answer.status) }
                    results.state.withLock { $0.retries += 1 }
                    try await Task.sleep(for: .milliseconds(20))
                }
            }
        }
    }

    static func sendGRPC(_ bodies: [[UInt8]], port: Int, results: Results) async throws {
        let client = try OTLPGRPCExporter(port: port)
        defer { Task { await client.close() } }
        while let index = results.take(bodies.count) {
            while true {
                let start = ContinuousClock.now
                do {
                    // Sent as serialized, as the HTTP clients post them: the clients' cost is the network's.
                    _ = try await client.exportRaw(bodies[index])
                    let ms = Bench.milliseconds(ContinuousClock.now - start)
                    results.state.withLock { $0.latencies.append(ms) }
                    break
                } catch let error as RPCError where error.code == .resourceExhausted {
                    results.state.withLock { $0.retries += 1 }
                    try await Task.sleep(for: .milliseconds(20))
                }
            }
        }
    }

    enum BenchError: Error { case status(Int) }
}
