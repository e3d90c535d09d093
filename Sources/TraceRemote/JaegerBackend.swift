import Foundation
import TraceModel

/// Jaeger's HTTP query API, the one Jaeger UI uses: `/api/services`, `/api/traces?service=...`
/// (whole traces in `{"data": [...]}`) and `/api/traces/{id}`.
///
/// Jaeger requires a service to search: without one in the query, trex searches each service
/// the backend lists (at most `maxServicesSearched`) and keeps the `limit` most recent traces.
struct JaegerBackend: RemoteBackend {
    let http: RemoteHTTP
    static let maxServicesSearched = 50

    func search(_ search: RemoteSearch) throws(RemoteError) -> [[UInt8]] {
        let services: [String]
        if let service = search.service { services = [service] } else { services = Array(try self.services().prefix(Self.maxServicesSearched)) }
        var documents: [[UInt8]] = []
        for service in services {
            var query: [(String, String)] = [("service", service), ("start", RemoteUnits.micros(search.window.lowerBound)),
                                             ("end", RemoteUnits.micros(search.window.upperBound)),
                                             ("limit", String(search.limit))]
            if let operation = search.operation { query.append(("operation", operation)) }
            if let d = search.minDuration { query.append(("minDuration", RemoteUnits.goDuration(d))) }
            if let d = search.maxDuration { query.append(("maxDuration", RemoteUnits.goDuration(d))) }
            if !search.tags.isEmpty { query.append(("tags", Self.tagsJSON(search.tags))) }
            documents.append(try http.get("/api/traces", query: query))
        }
        return documents
    }

    /// Jaeger's `tags` parameter: a JSON object of exact key/value matches.
    static func tagsJSON(_ tags: [RemoteTag]) -> String {
        var object: [String: String] = [:]
        for tag in tags { object[tag.key] = tag.value }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    func trace(_ id: TraceID) throws(RemoteError) -> [UInt8]? {
        try fetchOrNil("/api/traces/\(id.shownHex)")
    }

    /// `{"data": ["frontend", ...]}`.
    func services() throws(RemoteError) -> [String] {
        let body = try http.get("/api/services")
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            throw RemoteError(.badResponse("not Jaeger's {\"data\": [...]}"), request: "GET \(http.endpoint.baseURL)/api/services")
        }
        return ((object["data"] as? [Any]) ?? []).compactMap { $0 as? String }.sorted()
    }
}
