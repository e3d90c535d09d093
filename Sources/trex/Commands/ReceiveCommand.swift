import ArgumentParser
import Foundation
import TraceModel
import TraceReceiver
import TraceStore

/// `trex receive`: an OTLP receiver without a terminal, writing into the trace store.
struct ReceiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receive",
        abstract: "Receive OTLP traces over gRPC and HTTP into the trace store, until interrupted.",
        discussion: """
        Point an OpenTelemetry exporter at it: OTLP/gRPC on 127.0.0.1:4317 (the exporters' \
        default), OTLP/HTTP on 127.0.0.1:4318 (OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf or \
        http/json). Each request is answered once its spans are committed to the store, so nothing \
        acknowledged is lost, even to kill -9. When the store cannot keep up, requests get 503 \
        with Retry-After (HTTP) or RESOURCE_EXHAUSTED with retry info (gRPC). Logs a line a minute and a \
        summary on SIGINT or SIGTERM, then exits 0. Explore what arrived with `trex` (the store).

        Examples:
          trex receive
          trex receive --grpc 0 --http 0.0.0.0:4318 --store ./staging.sqlite
        """)

    @OptionGroup var receiver: ReceiverOptions

    @OptionGroup var store: StoreOptions

    func run() throws {
        let target = try store.open(create: true)
        let ingest = StoreIngest(store: target)
        let running = try receiver.start { ingest.ingest($0, rejected: $1) }
        for endpoint in running.endpoints {
            FileHandleOutput.standardError("trex: receiving " + Self.describe(endpoint) + " into \(store.resolvedPath)")
        }

        let stop = DispatchSemaphore(value: 0)
        let signals = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stop.signal() }
            source.resume()
            return source
        }
        let started = Date()
        let ticker = DispatchSource.makeTimerSource(queue: .global())
        ticker.schedule(deadline: .now() + 60, repeating: 60)
        let path = store.resolvedPath
        ticker.setEventHandler { FileHandleOutput.standardError("trex: " + Self.line(ingest.totals, since: started, store: path)) }
        ticker.resume()

        stop.wait()
        ticker.cancel()
        signals.forEach { $0.cancel() }
        running.stop()
        do { try ingest.finish() } catch { FileHandleOutput.message("\(error)") }
        FileHandleOutput.standardError("trex: stopped; " + Self.line(ingest.totals, since: started, store: path))
    }

    /// `OTLP/gRPC on 127.0.0.1:4317`, `OTLP/HTTP on http://127.0.0.1:4318/v1/traces`.
    static func describe(_ endpoint: OTLPReceiver.Endpoint) -> String {
        let host = endpoint.host.contains(":") ? "[\(endpoint.host)]" : endpoint.host
        switch endpoint.transport {
        case .grpc: return "OTLP/gRPC on \(host):\(endpoint.port)"
        case .http: return "OTLP/HTTP on http://\(host):\(endpoint.port)\(OTLPHTTPExport.path)"
        }
    }

    /// `12,400 spans in 31 requests stored, 0 refused (busy), 0 failed; store 18.2 MB; 2m`.
    /// `12,400 spans in 31 requests stored, 3 spans rejected, 0 requests refused while busy,
    /// 0 failed; store 18.2 MB; 2 min`.
    static func line(_ c: StoreIngest.Counts, since: Date, store path: String) -> String {
        let minutes = Int(Date().timeIntervalSince(since) / 60)
        let bytes = ["", "-wal"].reduce(0) { total, suffix in
            total + ((try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? Int) ?? 0)
        }
        return "\(NumberFormat.grouped(c.spansStored)) spans in \(NumberFormat.grouped(c.requests)) requests stored, "
            + "\(NumberFormat.count(c.spansRejected, "span")) rejected, \(c.batchesRefused) requests refused while busy, "
            + "\(c.failures) failed; store \(NumberFormat.bytes(bytes)); \(minutes) min"
    }
}
