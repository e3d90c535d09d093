import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// GET requests to one backend through async-http-client, answered synchronously (the sources
/// of the workspace are synchronous; these calls run off the terminal's thread): the endpoint's
/// base URL, the options' headers, a deadline, gzip accepted, the body bounded. Every failure
/// is a `RemoteError` naming the request.
public final class RemoteHTTP: Sendable {
    public let endpoint: RemoteEndpoint
    let options: RemoteOptions
    private let client: HTTPClient

    public init(endpoint: RemoteEndpoint, options: RemoteOptions) {
        self.endpoint = endpoint
        self.options = options
        var configuration = HTTPClient.Configuration()
        // Connecting is retried (with backoff) until the connect timeout: a backend that is down
        // is said within 5 seconds.
        configuration.timeout = .init(connect: .seconds(min(5, options.timeoutSeconds)), read: .seconds(options.timeoutSeconds))
        configuration.decompression = .enabled(limit: .size(options.maxResponseBytes))
        if options.insecureTLS {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.certificateVerification = .none
            configuration.tlsConfiguration = tls
        }
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    deinit { try? client.syncShutdown() }

    /// GETs `path` with `query` (percent-encoded here) and returns the body of a 2xx answer.
    public func get(_ path: String, query: [(String, String)] = []) throws(RemoteError) -> [UInt8] {
        let request = try start(path, query: query)
        return try finish(request)
    }

    /// GETs several paths, `inFlight` at a time; a path the backend does not have (404) is nil.
    /// The first other failure is thrown.
    func getEach(_ paths: [String], inFlight: Int) throws(RemoteError) -> [[UInt8]?] {
        var bodies: [[UInt8]?] = []
        var index = 0
        while index < paths.count {
            var running: [Started] = []
            for path in paths[index..<min(paths.count, index + max(1, inFlight))] { running.append(try start(path)) }
            index += running.count
            for request in running {
                do {
                    bodies.append(try finish(request))
                } catch {
                    guard case .status(404, _) = error.kind else { throw error }
                    bodies.append(nil)
                }
            }
        }
        return bodies
    }

    /// A request on its way.
    struct Started {
        let shown: String
        let response: EventLoopFuture<HTTPClient.Response>
    }

    private func start(_ path: String, query: [(String, String)] = []) throws(RemoteError) -> Started {
        let url = endpoint.baseURL + path + (query.isEmpty ? "" : "?" + Self.encode(query))
        let shown = "GET " + url
        var request: HTTPClient.Request
        do {
            request = try HTTPClient.Request(url: url, method: .GET)
        } catch {
            throw RemoteError(.connection("not a valid address (\(error))"), request: shown)
        }
        request.headers.add(name: "Accept", value: "application/json")
        for header in options.headers { request.headers.add(name: header.name, value: header.value) }
        let accumulator = ResponseAccumulator(request: request, maxBodySize: options.maxResponseBytes)
        return Started(shown: shown, response: client.execute(request: request, delegate: accumulator,
                                                              deadline: .now() + .seconds(options.timeoutSeconds)).futureResult)
    }

    /// Waits for a request's answer: the body of a 2xx, else the failure in words.
    private func finish(_ started: Started) throws(RemoteError) -> [UInt8] {
        let shown = started.shown
        let response: HTTPClient.Response
        do {
            response = try started.response.wait()
        } catch let error as HTTPClientError
                    where [.deadlineExceeded, .readTimeout, .connectTimeout].contains(error) {
            throw RemoteError(.timeout, request: shown)
        } catch is ResponseAccumulator.ResponseTooBigError {
            throw RemoteError(.tooLarge(options.maxResponseBytes), request: shown)
        } catch {
            throw RemoteError(.connection(Self.describe(error)), request: shown)
        }
        let body = response.body.map { Array($0.readableBytesView) } ?? []
        switch response.status.code {
        case 200..<300:
            return body
        case 429:
            throw RemoteError(.tooManyRequests(retryAfter: response.headers.first(name: "Retry-After").flatMap { Int($0) }),
                              request: shown)
        default:
            let text = String(decoding: body.prefix(200), as: UTF8.self)
                .split(whereSeparator: \.isNewline).joined(separator: " ")
            throw RemoteError(.status(Int(response.status.code), text), request: shown)
        }
    }

    /// `a=1&b=x%20y`: keys and values percent-encoded (only unreserved characters kept).
    static func encode(_ query: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        func escape(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s }
        return query.map { escape($0.0) + "=" + escape($0.1) }.joined(separator: "&")
    }

    /// A connection error in words: refused, unknown host, TLS.
    private static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        if text.contains("connectionRefused") || text.contains("Connection refused") { return "connection refused" }
        if text.contains("NIOSSL") || text.contains("handshake") { return "TLS failed (\(text))" }
        return text
    }
}
