import Foundation
import Synchronization
import TraceModel

/// Jaeger's api_v3 over its HTTP gateway: `/api/v3/services`, `/api/v3/operations?service=`,
/// `/api/v3/traces?query.service_name=...` and `/api/v3/traces/{id}`, whole traces in OTLP JSON
/// wrapped as `{"result": {"resourceSpans": [...]}}` (older gateways stream several such
/// objects one after another; the decoder reads each).
///
/// Parameters are sent in their snake_case spelling (`query.service_name`), the only one before
/// Jaeger 2.19 and still read since (camelCase became canonical in jaeger#8625); the limit goes
/// as both `query.num_traces` (before jaeger#8618) and `query.search_depth`. Times are RFC 3339
/// with nanoseconds, durations Go durations (`1500us`). A search without a service searches
/// each service, as the storage backends most deployments use (Cassandra, Badger) need one.
struct JaegerV3Backend: RemoteBackend {
    let http: RemoteHTTP
    var name: String { "Jaeger" }
    /// RFC 3339 with nanoseconds.
    var timeGranularity: Int64 { 1 }

    func parts(of search: RemoteSearch) throws(RemoteError) -> [RemoteSearch] {
        if search.service != nil { return [search] }
        return JaegerBackend.perService(search, services: try services())
    }

    /// A search that finds nothing is answered 404 `{"error": {"httpCode": 404, "message": "No
    /// traces found"}}`: an empty page. Any other 404 (no api_v3 there) is an error.
    func page(_ search: RemoteSearch) throws(RemoteError) -> RemotePage {
        do {
            return RemotePage(documents: [try http.get("/api/v3/traces", query: Self.searchQuery(search))])
        } catch {
            if case .status(404, let body) = error.kind, body.contains("No traces found") { return RemotePage(documents: []) }
            throw error
        }
    }

    /// The parameters of `/api/v3/traces`. The window's end is exclusive in api_v3, so it is
    /// sent a nanosecond later.
    static func searchQuery(_ search: RemoteSearch) -> [(String, String)] {
        var query: [(String, String)] = []
        if let s = search.service { query.append(("query.service_name", s)) }
        if let o = search.operation { query.append(("query.operation_name", o)) }
        query.append(("query.start_time_min", TimestampFormat.rfc3339(search.window.lowerBound)))
        query.append(("query.start_time_max", TimestampFormat.rfc3339(Timestamp(unixNanos: search.window.upperBound.unixNanos + 1))))
        if let d = search.minDuration { query.append(("query.duration_min", RemoteUnits.goDuration(d))) }
        if let d = search.maxDuration { query.append(("query.duration_max", RemoteUnits.goDuration(d))) }
        if !search.tags.isEmpty { query.append(("query.attributes", JaegerBackend.tagsJSON(search.tags))) }
        query.append(("query.num_traces", String(search.limit)))
        query.append(("query.search_depth", String(search.limit)))
        return query
    }

    func trace(_ id: TraceID) throws(RemoteError) -> [UInt8]? {
        try fetchOrNil("/api/v3/traces/\(id.shownHex)")
    }

    /// `{"services": ["frontend", ...]}`.
    func services() throws(RemoteError) -> [String] {
        let body = try http.get("/api/v3/services")
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
              object["services"] is [Any] || object.isEmpty else {
            throw RemoteError(.badResponse("not api_v3's {\"services\": [...]}"), request: "GET \(http.endpoint.baseURL)/api/v3/services")
        }
        return ((object["services"] as? [Any]) ?? []).compactMap { $0 as? String }.sorted()
    }

    func attributeNames() throws(RemoteError) -> [String] { JaegerBackend.searchedFields }

    /// The services, or for `name` the operations of every service (`/api/v3/operations?service=`,
    /// `{"operations": [{"name": ..., "spanKind": ...}]}`).
    func attributeValues(_ name: String) throws(RemoteError) -> [String] {
        switch RemoteField(name) {
        case .service: return try services()
        case .name:
            return try JaegerBackend.operations(of: try services(), http: http, path: "/api/v3/operations") { object in
                (object["operations"] as? [Any]) ?? []
            }
        default: return []
        }
    }
}

/// A `jaeger+` source: api_v3 when the backend answers it, else the classic API. The first
/// request asks `/api/v3/services`; a 200 holding `{"services": ...}` picks api_v3, any other
/// answer (a 404, Jaeger UI's page for an unknown path) the classic API, for the rest of the
/// session. A timeout, a refused connection, a 429 or a 5xx decides nothing: the failure is
/// thrown and the next request asks again.
final class JaegerAutoBackend: RemoteBackend {
    let http: RemoteHTTP
    var name: String { "Jaeger" }
    private let chosen = Mutex<(any RemoteBackend)?>(nil)

    init(http: RemoteHTTP) {
        self.http = http
    }

    /// The API in use: nil until the first request decided it.
    var resolvedAPI: RemoteEndpoint.JaegerAPI? {
        chosen.withLock { $0 }.map { $0 is JaegerV3Backend ? .v3 : .classic }
    }

    func resolved() throws(RemoteError) -> any RemoteBackend {
        if let backend = chosen.withLock({ $0 }) { return backend }
        let v3 = JaegerV3Backend(http: http)
        let backend: any RemoteBackend
        do {
            _ = try v3.services()
            backend = v3
        } catch {
            switch error.kind {
            case .badResponse: backend = JaegerBackend(http: http)
            case .status(let code, _) where code < 500: backend = JaegerBackend(http: http)
            default: throw error
            }
        }
        chosen.withLock { $0 = backend }
        return backend
    }

    func parts(of search: RemoteSearch) throws(RemoteError) -> [RemoteSearch] { try resolved().parts(of: search) }
    func page(_ search: RemoteSearch) throws(RemoteError) -> RemotePage { try resolved().page(search) }
    /// The chosen API's (asked after the first request, which decides it).
    var timeGranularity: Int64 { chosen.withLock { $0 }?.timeGranularity ?? 1_000 }
    func trace(_ id: TraceID) throws(RemoteError) -> [UInt8]? { try resolved().trace(id) }
    func services() throws(RemoteError) -> [String] { try resolved().services() }
    func attributeNames() throws(RemoteError) -> [String] { try resolved().attributeNames() }
    func attributeValues(_ name: String) throws(RemoteError) -> [String] { try resolved().attributeValues(name) }
}
