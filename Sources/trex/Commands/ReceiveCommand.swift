import ArgumentParser
import Foundation
import NIOCore
import NIOPosix
import TraceModel
import TraceReceiver
import TraceStore

/// `trex receive`: an OTLP receiver without a terminal, writing into the trace store.
struct ReceiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receive",
        abstract: "Receive OTLP traces over HTTP into the trace store, until interrupted.",
        discussion: """
        Point an OpenTelemetry exporter at it (OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318, \
        OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf or http/json). Each request is answered once its \
        spans are committed to the store, so nothing acknowledged is lost, even to kill -9. When \
        the store cannot keep up, requests get 503 with Retry-After. Logs a line a minute and a \
        summary on SIGINT or SIGTERM, then exits 0. Explore what arrived with `trex` (the store).

        Examples:
          trex receive
          trex receive --http 0.0.0.0:4318 --store ./staging.sqlite
        """)

    @Option(help: ArgumentHelp("Where OTLP/HTTP listens: PORT, HOST:PORT (another host than loopback must be named), "
                               + "or 0 for off.", valueName: "addr"))
    var http = ListenAddress(host: "127.0.0.1", port: 4318)

    @Option(help: "The largest request body accepted, in bytes (larger ones get 413).")
    var maxBody = OTLPHTTPExport.defaultMaxBodyBytes

    @OptionGroup var store: StoreOptions

    func run() throws {
        guard !http.isOff else {
            FileHandleOutput.message("nothing to receive: --http is off (OTLP/gRPC is not received yet)")
            throw ExitCode(2)
        }
        let target = try store.open(create: true)
        let ingest = StoreIngest(store: target)
        let export = OTLPHTTPExport(maxBodyBytes: maxBody) { ingest.ingest($0) }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let channel: Channel
        do {
            channel = try OTLPHTTPServer.start(host: http.host, port: http.port, export: export, group: group)
        } catch {
            FileHandleOutput.message("cannot listen on \(http) for OTLP/HTTP: \(error)")
            try? group.syncShutdownGracefully()
            throw ExitCode(1)
        }
        let port = channel.localAddress?.port ?? http.port
        FileHandleOutput.standardError("trex: receiving OTLP/HTTP on http://\(http.host):\(port)/v1/traces into \(store.resolvedPath)")

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
        ticker.setEventHandler { FileHandleOutput.standardError("trex: " + Self.line(ingest.totals, since: started)) }
        ticker.resume()

        stop.wait()
        ticker.cancel()
        signals.forEach { $0.cancel() }
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
        do { try ingest.finish() } catch { FileHandleOutput.message("\(error)") }
        FileHandleOutput.standardError("trex: stopped; " + Self.line(ingest.totals, since: started))
    }

    /// `12,400 spans in 31 requests stored, 0 refused (busy), 0 failed; store 18.2 MB; 2m`.
    static func line(_ c: StoreIngest.Counts, since: Date) -> String {
        let minutes = Int(Date().timeIntervalSince(since) / 60)
        return "\(NumberFormat.grouped(c.spansStored)) spans in \(NumberFormat.grouped(c.requests)) requests stored, "
            + "\(c.batchesRefused) refused while busy, \(c.failures) failed; \(minutes) min"
    }
}
