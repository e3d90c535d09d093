import NIOCore
import NIOHTTP1
import NIOPosix

/// An OTLP/HTTP client for tests and the ingest benchmark: one SwiftNIO HTTP/1.1 keep-alive
/// connection, requests one after another, for as long as a closure runs.
public enum OTLPHTTPExporter {
    /// What the server answered.
    public struct Answer: Sendable {
        public var status: Int
        public var headers: [(String, String)]
        public var body: [UInt8]

        public func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }
    }

    /// One open connection.
    public struct Connection: ~Copyable {
        var inbound: NIOAsyncChannelInboundStream<HTTPClientResponsePart>.AsyncIterator
        let outbound: NIOAsyncChannelOutboundWriter<HTTPClientRequestPart>
        let host: String

        /// POSTs `body` to `path` and reads the answer.
        public mutating func post(_ body: [UInt8], contentType: String = "application/x-protobuf",
                                  contentEncoding: String? = nil, path: String = "/v1/traces") async throws -> Answer {
            var headers = HTTPHeaders([("Host", host), ("Content-Type", contentType), ("Content-Length", String(body.count))])
            if let contentEncoding { headers.add(name: "Content-Encoding", value: contentEncoding) }
            try await outbound.write(.head(HTTPRequestHead(version: .http1_1, method: .POST, uri: path, headers: headers)))
            try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: body))))
            try await outbound.write(.end(nil))
            var answer = Answer(status: 0, headers: [], body: [])
            while let part = try await inbound.next() {
                switch part {
                case .head(let head):
                    answer.status = Int(head.status.code)
                    answer.headers = head.headers.map { ($0.name, $0.value) }
                case .body(var buffer):
                    answer.body += buffer.readBytes(length: buffer.readableBytes) ?? []
                case .end:
                    return answer
                }
            }
            throw ChannelError.eof
        }
    }

    /// Connects to `host:port`, runs `body` with the connection, then closes it.
    public static func withConnection<T: Sendable>(host: String = "127.0.0.1", port: Int,
                                                   _ body: (inout Connection) async throws -> T) async throws -> T {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var connection = Connection(inbound: inbound.makeAsyncIterator(), outbound: outbound, host: host)
            return try await body(&connection)
        }
    }
}
