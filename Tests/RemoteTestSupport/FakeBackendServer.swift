import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A local HTTP server standing in for a Jaeger, Tempo or Zipkin backend in tests: it answers
/// each documented endpoint with a recorded response, checks every request's method, path and
/// query parameters against what the API documents (`FakeRoute`), and can inject latency, an
/// error status, a 429 or a body cut short, so tests assert what the user sees.
public final class FakeBackendServer: Sendable {
    /// One request as received.
    public struct Request: Sendable {
        public var method: String
        public var path: String
        public var query: [String: String]
        public var headers: [String: String]
    }

    /// What a route answers.
    public struct Response: Sendable {
        public var status = 200
        public var body: [UInt8] = []
        public var headers: [(String, String)] = [("Content-Type", "application/json")]
        /// Wait this long before answering.
        public var delay: Duration = .zero
        /// Send only half the body, with the full Content-Length, then close.
        public var truncated = false

        public init(status: Int = 200, body: [UInt8] = [], headers: [(String, String)] = [("Content-Type", "application/json")],
                    delay: Duration = .zero, truncated: Bool = false) {
            self.status = status
            self.body = body
            self.headers = headers
            self.delay = delay
            self.truncated = truncated
        }

        public static func json(_ text: String) -> Response { Response(body: Array(text.utf8)) }
    }

    /// A documented endpoint: its path (a `{id}` segment matches any value), the query
    /// parameters it requires and those it accepts, and what it answers.
    public struct FakeRoute: Sendable {
        public var path: String
        public var required: Set<String>
        public var accepted: Set<String>
        public var answer: @Sendable (Request) -> Response

        public init(_ path: String, required: Set<String> = [], accepted: Set<String> = [],
                    answer: @escaping @Sendable (Request) -> Response) {
            self.path = path
            self.required = required
            self.accepted = accepted.union(required)
            self.answer = answer
        }

        func matches(_ path: String) -> Bool {
            let want = self.path.split(separator: "/"), got = path.split(separator: "/")
            guard want.count == got.count else { return false }
            return zip(want, got).allSatisfy { $0 == $1 || ($0.hasPrefix("{") && $0.hasSuffix("}")) }
        }
    }

    private struct State {
        var requests: [Request] = []
        var violations: [String] = []
    }

    private let state = Mutex(State())
    private let routes: [FakeRoute]
    private let channel: any Channel
    public let port: Int

    public init(routes: [FakeRoute]) throws {
        self.routes = routes
        let box = HandlerBox()
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(FakeHandler(server: box))
                }
            }
        channel = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
        port = channel.localAddress?.port ?? 0
        box.server = self
    }

    public func stop() { try? channel.close().wait() }

    /// `http://127.0.0.1:PORT`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Every request received so far.
    public var requests: [Request] { state.withLock { $0.requests } }
    /// Requests that broke the documented API (unknown path, wrong method, a parameter missing
    /// or unknown), as text.
    public var violations: [String] { state.withLock { $0.violations } }

    /// Records a request and picks its answer (a 404 for an unknown path).
    func answer(_ request: Request) -> Response {
        var violation: String?
        let response: Response
        if request.method != "GET" {
            violation = "\(request.method) \(request.path): only GET is documented"
            response = Response(status: 405)
        } else if let route = routes.first(where: { $0.matches(request.path) }) {
            let keys = Set(request.query.keys)
            if let missing = route.required.subtracting(keys).sorted().first {
                violation = "GET \(request.path): the parameter \(missing) is required"
            } else if let unknown = keys.subtracting(route.accepted).sorted().first {
                violation = "GET \(request.path): the parameter \(unknown) is not documented"
            }
            response = route.answer(request)
        } else {
            violation = "GET \(request.path): no such endpoint"
            response = Response(status: 404, body: Array("404 page not found".utf8))
        }
        state.withLock {
            $0.requests.append(request)
            if let violation { $0.violations.append(violation) }
        }
        return response
    }
}

/// Lets the handler reach the server after the bind.
private final class HandlerBox: @unchecked Sendable {
    weak var server: FakeBackendServer?
}

private final class FakeHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let server: HandlerBox
    var head: HTTPRequestHead?

    init(server: HandlerBox) { self.server = server }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): self.head = head
        case .body: break
        case .end:
            guard let head, let server = server.server else { return }
            let components = URLComponents(string: head.uri)
            var query: [String: String] = [:]
            for item in components?.queryItems ?? [] { query[item.name] = item.value ?? "" }
            var headers: [String: String] = [:]
            for (name, value) in head.headers { headers[name.lowercased()] = value }
            let request = FakeBackendServer.Request(method: head.method.rawValue, path: components?.path ?? head.uri,
                                                    query: query, headers: headers)
            let response = server.answer(request)
            let channel = context.channel
            let loop = context.eventLoop
            let send = {
                var fields = HTTPHeaders(response.headers)
                fields.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
                let responseHead = HTTPResponseHead(version: head.version, status: HTTPResponseStatus(statusCode: response.status),
                                                    headers: fields)
                channel.write(HTTPServerResponsePart.head(responseHead), promise: nil)
                let shown = response.truncated ? Array(response.body.prefix(response.body.count / 2)) : response.body
                channel.write(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: shown))), promise: nil)
                if response.truncated {
                    channel.flush()
                    channel.close(promise: nil)
                } else {
                    channel.writeAndFlush(HTTPServerResponsePart.end(nil), promise: nil)
                }
            }
            if response.delay > .zero {
                let (seconds, attoseconds) = response.delay.components
                loop.scheduleTask(in: .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)) { send() }
            } else {
                send()
            }
            self.head = nil
        }
    }
}
