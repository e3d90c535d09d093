import Foundation
import NIOCore
import NIOPosix

/// OTLP received over gRPC and/or HTTP into one sink (`StoreIngest`): what `trex receive` and
/// `trex --listen` run. Starts listening in `init` (throws, naming the endpoint, when a port is
/// taken) and until `stop()`.
public final class OTLPReceiver: @unchecked Sendable {
    /// Where one protocol listens.
    public struct Endpoint: Sendable, Equatable, CustomStringConvertible {
        public enum Transport: String, Sendable { case grpc, http }
        public var transport: Transport
        public var host: String
        public var port: Int

        public init(_ transport: Transport, host: String, port: Int) {
            self.transport = transport
            self.host = host
            self.port = port
        }

        /// `grpc 127.0.0.1:4317`, `http 127.0.0.1:4318`.
        public var description: String {
            "\(transport.rawValue) " + (host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)")
        }
    }

    /// The endpoints listened on, with the ports the system chose for those asked as 0.
    public let endpoints: [Endpoint]
    private let group: MultiThreadedEventLoopGroup?
    private let httpChannel: Channel?
    private let grpcServer: OTLPGRPCServer?

    /// - Parameters:
    ///   - grpc, http: where each protocol listens; nil for off.
    ///   - maxMessageBytes: the largest request (HTTP body or gRPC message) accepted.
    public init(grpc: Endpoint?, http: Endpoint?, maxMessageBytes: Int, sink: @escaping SpanSink) throws {
        var endpoints: [Endpoint] = []
        var grpcServer: OTLPGRPCServer?
        if let grpc {
            do {
                grpcServer = try OTLPGRPCServer(host: grpc.host, port: grpc.port, maxMessageBytes: maxMessageBytes, sink: sink)
            } catch {
                throw ReceiverError.cannotListen(grpc, "\(error)")
            }
            endpoints.append(Endpoint(.grpc, host: grpc.host, port: grpcServer!.port))
        }
        if let http {
            let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
            do {
                let export = OTLPHTTPExport(maxBodyBytes: maxMessageBytes, sink: sink)
                let channel = try OTLPHTTPServer.start(host: http.host, port: http.port, export: export, group: group)
                endpoints.append(Endpoint(.http, host: http.host, port: channel.localAddress?.port ?? http.port))
                self.group = group
                httpChannel = channel
            } catch {
                try? group.syncShutdownGracefully()
                grpcServer?.stop()
                throw ReceiverError.cannotListen(http, "\(error)")
            }
        } else {
            group = nil
            httpChannel = nil
        }
        self.grpcServer = grpcServer
        self.endpoints = endpoints
    }

    /// Stops listening; requests in flight are answered first.
    public func stop() {
        grpcServer?.stop()
        try? httpChannel?.close().wait()
        try? group?.syncShutdownGracefully()
    }
}

/// Why a receiver could not start.
public enum ReceiverError: Error, CustomStringConvertible {
    case cannotListen(OTLPReceiver.Endpoint, String)

    public var description: String {
        switch self {
        case .cannotListen(let endpoint, let why):
            "cannot listen for OTLP/\(endpoint.transport == .grpc ? "gRPC" : "HTTP") on "
                + "\(endpoint.host):\(endpoint.port): \(why)"
        }
    }
}
