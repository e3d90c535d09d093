/// Where a remote backend answers: `jaeger+http://HOST:16686`, `tempo+https://HOST:3200`,
/// `zipkin+http://HOST:9411` (a path after the port is kept as a prefix, for a backend behind a
/// proxy at `/jaeger`).
///
/// Jaeger has two HTTP APIs: `jaeger+` picks api_v3 when the backend answers it, else the
/// classic `/api/...` one; `jaeger-v3+` and `jaeger-v1+` force either.
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

    /// Which of Jaeger's HTTP APIs trex asks.
    public enum JaegerAPI: String, Sendable, Hashable {
        /// api_v3 when `/api/v3/services` answers it (asked once, on the first request), else classic.
        case automatic
        /// `/api/v3/...`: api_v3's HTTP gateway, answering OTLP JSON.
        case v3
        /// `/api/services`, `/api/traces`: the internal JSON API Jaeger UI used (its search was
        /// removed from Jaeger in August 2026, jaeger#9260).
        case classic
    }

    public let backend: Backend
    /// `http://host:port[/prefix]`, no trailing slash.
    public let baseURL: String
    /// Jaeger's API (`.automatic` for the other backends).
    public let jaegerAPI: JaegerAPI

    public init(backend: Backend, baseURL: String, jaegerAPI: JaegerAPI = .automatic) {
        self.backend = backend
        self.jaegerAPI = backend == .jaeger ? jaegerAPI : .automatic
        var url = baseURL
        while url.hasSuffix("/") { url.removeLast() }
        self.baseURL = url
    }

    /// Parses `BACKEND+SCHEME://HOST[:PORT][/PREFIX]`; the error says what is wrong.
    public static func parse(_ text: String) throws(RemoteEndpointError) -> RemoteEndpoint {
        guard let plus = text.firstIndex(of: "+") else {
            throw RemoteEndpointError("\(text): write BACKEND+http://HOST:PORT, e.g. jaeger+http://localhost:16686 "
                                      + "(backends: \(Backend.allCases.map(\.rawValue).joined(separator: ", ")); "
                                      + "jaeger-v3+ or jaeger-v1+ picks Jaeger's API)")
        }
        var name = text[..<plus].lowercased()
        var api = JaegerAPI.automatic
        if name == "jaeger-v3" { (name, api) = ("jaeger", .v3) }
        if name == "jaeger-v1" { (name, api) = ("jaeger", .classic) }
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
        return RemoteEndpoint(backend: backend, baseURL: url, jaegerAPI: api)
    }

    /// As `parse` reads it: `jaeger+http://host:16686`, `jaeger-v3+http://...`.
    public var description: String {
        let name = switch jaegerAPI {
        case .automatic: backend.rawValue
        case .v3: "jaeger-v3"
        case .classic: "jaeger-v1"
        }
        return "\(name)+\(baseURL)"
    }
}

public struct RemoteEndpointError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
