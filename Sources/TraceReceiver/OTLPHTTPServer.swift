import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// The OTLP/HTTP listener: SwiftNIO's HTTP/1.1 server, each request's body gathered (up to the
/// export's limit; a larger body is answered 413 without keeping it), then decoded and stored
/// off the event loop, so a slow store never stalls the network and requests run concurrently.
public enum OTLPHTTPServer {
    /// Binds and starts serving; returns the listening channel (its `localAddress` has the port
    /// when `port` was 0). Close it to stop.
    public static func start(host: String, port: Int, export: OTLPHTTPExport,
                             group: EventLoopGroup) throws -> Channel {
        try ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(OTLPHTTPHandler(export: export))
                }
            }
            .childChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .bind(host: host, port: port).wait()
    }
}

/// One connection's requests.
final class OTLPHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let export: OTLPHTTPExport
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var tooLarge = false

    init(export: OTLPHTTPExport) {
        self.export = export
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let h):
            head = h
            body = []
            tooLarge = false
        case .body(var buffer):
            if tooLarge { return }
            if body.count + buffer.readableBytes > export.maxBodyBytes {
                tooLarge = true
                body = []
            } else {
                body += buffer.readBytes(length: buffer.readableBytes) ?? []
            }
        case .end:
            guard let head else { return }
            self.head = nil
            let keepAlive = head.isKeepAlive
            let path = String(head.uri.split(separator: "?", maxSplits: 1).first ?? "")
            let request = HTTPExchange.Request(method: head.method.rawValue, path: path,
                                               contentType: head.headers.first(name: "content-type"),
                                               contentEncoding: head.headers.first(name: "content-encoding"),
                                               body: body)
            body = []
            let export = self.export
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            let eventLoop = context.eventLoop
            let oversize = tooLarge
            DispatchQueue.global().async {
                let response = oversize
                    ? OTLPHTTPExport.status(413, "the body is larger than \(export.maxBodyBytes) bytes", .json)
                    : export.respond(to: request)
                eventLoop.execute {
                    Self.write(response, keepAlive: keepAlive, version: head.version, context: loopBound.value)
                }
            }
        }
    }

    private static func write(_ response: HTTPExchange.Response, keepAlive: Bool, version: HTTPVersion,
                              context: ChannelHandlerContext) {
        var headers = HTTPHeaders()
        for (name, value) in response.headers { headers.add(name: name, value: value) }
        headers.add(name: "Content-Length", value: String(response.body.count))
        if !keepAlive { headers.add(name: "Connection", value: "close") }
        let head = HTTPResponseHead(version: version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        context.write(NIOAny(HTTPServerResponsePart.head(head)), promise: nil)
        var buffer = context.channel.allocator.buffer(capacity: response.body.count)
        buffer.writeBytes(response.body)
        context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(buffer))), promise: nil)
        let done = context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil)))
        if !keepAlive {
            let channel = context.channel
            done.whenComplete { _ in channel.close(promise: nil) }
        }
    }
}
