import GRPCCore
import GRPCNIOTransportHTTP2
import GRPCProtobuf
import OTLPGRPC
import OTLPProto
import SwiftProtobuf

/// An OTLP/gRPC client for tests and the ingest benchmark: grpc-swift-2's client over its
/// HTTP/2 transport, one connection, any number of concurrent exports.
public final class OTLPGRPCExporter: Sendable {
    public typealias Request = Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest
    public typealias Response = Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceResponse

    private let client: GRPCClient<HTTP2ClientTransport.Posix>
    private let connections: Task<Void, any Error>

    /// Connects to `host:port` (plaintext); with `gzip`, every message is compressed.
    public init(host: String = "127.0.0.1", port: Int, gzip: Bool = false) throws {
        let transport = try HTTP2ClientTransport.Posix(
            target: .ipv4(address: host, port: port), transportSecurity: .plaintext,
            config: .defaults { config in
                config.compression.algorithm = gzip ? .gzip : .none
                config.compression.enabledAlgorithms = [.gzip, .deflate]
            })
        let client = GRPCClient(transport: transport)
        self.client = client
        connections = Task { try await client.runConnections() }
    }

    /// Exports one request; throws the `RPCError` the server answered with.
    public func export(_ request: Request) async throws -> Response {
        try await Opentelemetry_Proto_Collector_Trace_V1_TraceService.Client(wrapping: client).export(request)
    }

    /// Sends `bytes` as the Export method's message as they are (a payload that is no request).
    public func exportRaw(_ bytes: [UInt8]) async throws -> Response {
        try await client.unary(
            request: ClientRequest(message: bytes),
            descriptor: Opentelemetry_Proto_Collector_Trace_V1_TraceService.Method.Export.descriptor,
            serializer: RawBytes(), deserializer: ProtobufDeserializer<Response>(),
            options: .defaults) { try $0.message }
    }

    /// The retry delay of a `RESOURCE_EXHAUSTED` answer's `RetryInfo`, in seconds (nil without one).
    public static func retryDelay(of error: RPCError) -> Duration? {
        guard let status = try? error.unpackGoogleRPCStatus() else { return nil }
        for detail in status.details {
            if let retry = detail.retryInfo { return retry.delay }
        }
        return nil
    }

    /// Closes the connection.
    public func close() async {
        client.beginGracefulShutdown()
        _ = try? await connections.value
    }

    struct RawBytes: MessageSerializer {
        func serialize<Bytes: GRPCContiguousBytes>(_ message: [UInt8]) throws -> Bytes { Bytes(message) }
    }
}
