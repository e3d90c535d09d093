import Foundation
import TraceModel

/// Jaeger's HTTP query API, the one Jaeger UI uses: `/api/services`, `/api/traces?service=...`
/// (whole traces in `{"data": [...]}`) and `/api/traces/{id}`.
///
/// Jaeger requires a service to search: without one in the query, trex searches each service
/// the backend lists (at most `maxServicesSearched`), the limit shared among them.
struct JaegerBackend: RemoteBackend {
    let http: RemoteHTTP
    var name: String { "Jaeger" }
    static let maxServicesSearched = 50

    /// One search per service when the query names none, each allowed an equal share of the
    /// limit (at least 10 traces).
    func parts(of search: RemoteSearch) throws(RemoteError) -> [RemoteSearch] {
        if search.service != nil { return [search] }
        let services = Array(try self.services().prefix(Self.maxServicesSearched))
        let share = max(10, (search.limit + services.count - 1) / max(1, services.count))
        return services.map { service in
            var part = search
            part.service = service
            part.limit = share
            return part
        }
    }

    func page(_ search: RemoteSearch) throws(RemoteError) -> RemotePage {
        var query: [(String, String)] = [("service", search.service ?? ""), ("start", RemoteUnits.micros(search.window.lowerBound)),
                                         ("end", RemoteUnits.micros(search.window.upperBound)),
                                         ("limit", String(search.limit))]
        if let operation = search.operation { query.append(("operation", operation)) }
        if let d = search.minDuration { query.append(("minDuration", RemoteUnits.goDuration(d))) }
        if let d = search.maxDuration { query.append(("maxDuration", RemoteUnits.goDuration(d))) }
        if !search.tags.isEmpty { query.append(("tags", Self.tagsJSON(search.tags))) }
        return RemotePage(documents: [try http.get("/api/traces", query: query)])
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
