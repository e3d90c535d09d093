import Dispatch
import GRPCCore
import GRPCNIOTransportHTTP2
import Synchronization

/// The OTLP/gRPC listener: grpc-swift-2's server over its SwiftNIO HTTP/2 transport, plaintext,
/// gzip and deflate accepted, serving `OTLPTraceService`. Requests run concurrently (one task
/// each); the service blocks only dispatch threads.
public final class OTLPGRPCServer: Sendable {
    private let server: GRPCServer<HTTP2ServerTransport.Posix>
    private let serving: Mutex<Task<Void, any Error>?> = Mutex(nil)
    /// The port it listens on (the one the system chose when asked for 0).
    public let port: Int

    /// Binds and starts serving; returns once it listens. Call `stop()` to end it.
    ///
    /// - Parameter maxMessageBytes: the largest request accepted (inflated; larger ones get
    ///   `RESOURCE_EXHAUSTED`, and those over twice it a stream reset from the transport).
    public init(host: String, port: Int, maxMessageBytes: Int, sink: @escaping SpanSink) throws {
        let transport = HTTP2ServerTransport.Posix(
            address: host.contains(":") ? .ipv6(host: host, port: port) : .ipv4(host: host, port: port),
            transportSecurity: .plaintext,
            config: .defaults { config in
                config.compression.enabledAlgorithms = [.gzip, .deflate]
                // A hard cap for the transport (it resets the stream beyond it); the service
                // refuses anything over the limit itself, with a status.
                config.rpc.maxRequestPayloadSize = maxMessageBytes * 2
                // HTTP/2's default window (64 KiB) makes a client wait for a window update every
                // 64 KiB of an export (a 512-span batch is ~360 KiB): a message-sized window and
                // larger frames let it arrive in one go (trex-bench ingest --grpc: 104-131k spans/s before, 139-176k after).
                config.http2.targetWindowSize = max(1 << 20, min(maxMessageBytes, 16 << 20))
                config.http2.maxFrameSize = 1 << 20
            })
        let server = GRPCServer(transport: transport, services: [OTLPTraceService(maxMessageBytes: maxMessageBytes, sink: sink)])
        self.server = server
        let task = Task { try await server.serve() }
        // Wait (off the concurrency pool's threads) for the listener or its failure.
        let bound = Mutex<Result<Int, any Error>?>(nil)
        let ready = DispatchSemaphore(value: 0)
        Task {
            do {
                let address = try await transport.listeningAddress
                bound.withLock { $0 = .success(address.ipv4?.port ?? address.ipv6?.port ?? port) }
            } catch {
                bound.withLock { $0 = .failure(error) }
            }
            ready.signal()
        }
        ready.wait()
        switch bound.withLock({ $0 })! {
        case .success(let p):
            self.port = p
            serving.withLock { $0 = task }
        case .failure(let error):
            task.cancel()
            throw error
        }
    }

    /// Stops listening and waits for the requests in flight to be answered.
    public func stop() {
        guard let task = serving.withLock({ t in defer { t = nil }; return t }) else { return }
        server.beginGracefulShutdown()
        let done = DispatchSemaphore(value: 0)
        Task {
            _ = try? await task.value
            done.signal()
        }
        done.wait()
    }
}
