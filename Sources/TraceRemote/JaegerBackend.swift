import Foundation
import TraceModel

/// Jaeger's classic HTTP query API, the internal one Jaeger UI used: `/api/services`,
/// `/api/traces?service=...` (whole traces in `{"data": [...]}`), `/api/traces/{id}` and
/// `/api/operations?service=`. Jaeger removed all but `/api/traces/{id}` in August 2026
/// (jaeger#9260): a `jaeger+` source asks api_v3 first (`JaegerAutoBackend`).
///
/// Jaeger requires a service to search: without one in the query, trex searches each service
/// the backend lists (at most `maxServicesSearched`), the limit shared among them.
struct JaegerBackend: RemoteBackend {
    let http: RemoteHTTP
    var name: String { "Jaeger" }
    static let maxServicesSearched = 50
    /// What Jaeger searches, as TraceQL writes it: its search form's service, operation and
    /// durations (tags are any key, so none is listed).
    static let searchedFields = ["duration", "name", "resource.service.name"]

    func parts(of search: RemoteSearch) throws(RemoteError) -> [RemoteSearch] {
        if search.service != nil { return [search] }
        return Self.perService(search, services: try services())
    }

    /// One search per service (at most `maxServicesSearched`), each allowed an equal share of
    /// the limit, rounded up (the pager stops at the limit itself).
    static func perService(_ search: RemoteSearch, services all: [String]) -> [RemoteSearch] {
        let services = Array(all.prefix(maxServicesSearched))
        let share = max(1, (search.limit + services.count - 1) / max(1, services.count))
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

    /// Jaeger's `tags` parameter (and api_v3's `query.attributes`): a JSON object of exact
    /// key/value matches.
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

    func attributeNames() throws(RemoteError) -> [String] { Self.searchedFields }

    /// The services (`/api/services`), or the operations of every service
    /// (`/api/operations?service=`, `{"data": [{"name": ..., "spanKind": ...}]}`) for `name`.
    func attributeValues(_ name: String) throws(RemoteError) -> [String] {
        switch RemoteField(name) {
        case .service: return try services()
        case .name:
            return try Self.operations(of: try services(), http: http, path: "/api/operations") { object in
                (object["data"] as? [Any]) ?? []
            }
        default: return []
        }
    }

    /// The operation names of each service (`maxServicesSearched` at most), asked 8 at a time,
    /// unique and sorted. `list` finds the array of operations in an answer; an operation is a
    /// name or `{"name": ...}`.
    static func operations(of services: [String], http: RemoteHTTP, path: String,
                           list: ([String: Any]) -> [Any]) throws(RemoteError) -> [String] {
        let paths = services.prefix(maxServicesSearched).map { RemoteUnits.path(path, [("service", $0)]) }
        var names = Set<String>()
        for (i, body) in try http.getEach(paths, inFlight: 8).enumerated() {
            guard let body else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
                throw RemoteError(.badResponse("not a list of operations"), request: "GET \(http.endpoint.baseURL)\(paths[i])")
            }
            for operation in list(object) {
                if let text = operation as? String { names.insert(text) }
                if let text = (operation as? [String: Any])?["name"] as? String { names.insert(text) }
            }
        }
        return names.sorted()
    }
}
