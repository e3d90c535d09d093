/// Where a remote backend answers: `jaeger+http://HOST:16686`, `tempo+https://HOST:3200`,
/// `zipkin+http://HOST:9411` (a path after the port is kept as a prefix, for a backend behind a
/// proxy at `/jaeger`).
public struct RemoteEndpoint: Sendable, Hashable, CustomStringConvertible {
    public enum Backend: String, Sendable, CaseIterable {
        case jaeger, tempo, zipkin

        /// The port each listens on by default.
        var defaultPort: Int {
            switch self {
            case .jaeger: 16686
            case .tempo: 3200
            case .zipkin: 9411
            }
        }
    }

    public let backend: Backend
    /// `http://host:port[/prefix]`, no trailing slash.
    public let baseURL: String

    public init(backend: Backend, baseURL: String) {
        self.backend = backend
        var url = baseURL
        while url.hasSuffix("/") { url.removeLast() }
        self.baseURL = url
    }

    /// Parses `BACKEND+SCHEME://HOST[:PORT][/PREFIX]`; the error says what is wrong.
    public static func parse(_ text: String) throws(RemoteEndpointError) -> RemoteEndpoint {
        guard let plus = text.firstIndex(of: "+") else {
            throw RemoteEndpointError("\(text): write BACKEND+http://HOST:PORT, e.g. jaeger+http://localhost:16686 "
                                      + "(backends: \(Backend.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let name = text[..<plus].lowercased()
        guard let backend = Backend(rawValue: name) else {
            throw RemoteEndpointError("\(name) is not a backend trex reads: \(Backend.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let url = String(text[text.index(after: plus)...])
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            throw RemoteEndpointError("\(url): the address must start with http:// or https://")
        }
        let authority = url.drop { $0 != ":" }.dropFirst(3).prefix { $0 != "/" }
        let host = authority.prefix { $0 != ":" }
        guard !host.isEmpty, !authority.contains("@") else {
            throw RemoteEndpointError("\(url): give a host (credentials go in a header from an environment variable, never in the address)")
        }
        return RemoteEndpoint(backend: backend, baseURL: url)
    }

    public var description: String { "\(backend.rawValue)+\(baseURL)" }
}

public struct RemoteEndpointError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
