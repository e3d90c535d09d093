import Foundation

/// `trex sources`' check of a backend: is it reachable, how many services it knows, how long it
/// took, and its version where the API tells it (Tempo's `/api/status/buildinfo`).
public struct RemoteProbe: Sendable {
    public var services: Int
    public var milliseconds: Double
    public var version: String?
    /// Which of a backend's APIs answered: Jaeger's `api_v3` or `classic API`.
    public var api: String?

    /// Asks the backend for its services (and Tempo for its version).
    public static func check(_ endpoint: RemoteEndpoint, options: RemoteOptions) throws(RemoteError) -> RemoteProbe {
        let http = RemoteHTTP(endpoint: endpoint, options: options)
        let backend = makeBackend(http)
        let started = ContinuousClock.now
        let services = try backend.services()
        let took = ContinuousClock.now - started
        var version: String?
        var api: String?
        if let jaeger = backend as? JaegerAutoBackend, let resolved = jaeger.resolvedAPI {
            api = resolved == .v3 ? "api_v3" : "classic API"
        }
        if endpoint.backend == .tempo, let body = try? http.get("/api/status/buildinfo"),
           let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] {
            version = object["version"] as? String
        }
        let (seconds, atto) = took.components
        return RemoteProbe(services: services.count, milliseconds: Double(seconds) * 1000 + Double(atto) / 1e15, version: version, api: api)
    }
}
