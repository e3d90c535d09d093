import Foundation
import TraceModel

/// Zipkin's API v2 (zipkin2-api.yaml): `/api/v2/traces?serviceName=...` (an array of traces,
/// each an array of spans), `/api/v2/trace/{id}`, `/api/v2/services`, and for completion
/// `/api/v2/spans?serviceName=` (span names), `/api/v2/autocompleteKeys` and
/// `/api/v2/autocompleteValues?key=` (the tags a site configured for autocompletion).
struct ZipkinBackend: RemoteBackend {
    let http: RemoteHTTP
    var name: String { "Zipkin" }
    var timeGranularity: Int64 { 1_000_000 }

    /// Durations in microseconds, times in milliseconds. Zipkin refuses (400) a `minDuration`
    /// under 1 and a `maxDuration` without a `minDuration` (QueryRequest.build), so a lower bound
    /// under 1µs, or none beside an upper bound, is sent as 1.
    func page(_ search: RemoteSearch) throws(RemoteError) -> RemotePage {
        let end = search.window.upperBound
        let lookback = max(1, (end - search.window.lowerBound).value / 1_000_000)
        var query: [(String, String)] = [("endTs", RemoteUnits.millis(end)), ("lookback", String(lookback)),
                                         ("limit", String(search.limit))]
        if let s = search.service { query.append(("serviceName", s)) }
        if let o = search.operation { query.append(("spanName", o)) }
        var minimum: Int64?
        if let d = search.minDuration { minimum = max(1, d.value / 1_000) }
        if let d = search.maxDuration {
            minimum = minimum ?? 1
            query.append(("minDuration", String(minimum!)))
            query.append(("maxDuration", String(max(minimum!, d.value / 1_000))))
        } else if let minimum {
            query.append(("minDuration", String(minimum)))
        }
        // Zipkin's annotationQuery: `key=value` pairs joined by ` and `.
        if !search.tags.isEmpty {
            query.append(("annotationQuery", search.tags.map { "\($0.key)=\($0.value)" }.joined(separator: " and ")))
        }
        return RemotePage(documents: [try http.get("/api/v2/traces", query: query)])
    }

    func trace(_ id: TraceID) throws(RemoteError) -> [UInt8]? {
        try fetchOrNil("/api/v2/trace/\(id.shownHex)")
    }

    /// `["frontend", ...]`.
    func services() throws(RemoteError) -> [String] {
        try strings("/api/v2/services", what: "[\"service\", ...]")
    }

    /// What Zipkin searches: the service, the span name, and the tags of
    /// `/api/v2/autocompleteKeys` as `span.KEY` (a Zipkin without that endpoint, 404, has none).
    func attributeNames() throws(RemoteError) -> [String] {
        var keys: [String] = []
        do {
            keys = try strings("/api/v2/autocompleteKeys", what: "[\"key\", ...]")
        } catch {
            guard case .status(404, _) = error.kind else { throw error }
        }
        return (["name", "resource.service.name"] + keys.map { "span." + $0 }).sorted()
    }

    /// The services; the span names of every service (`/api/v2/spans?serviceName=`, at most
    /// `JaegerBackend.maxServicesSearched` services, 8 at a time); a tag's values
    /// (`/api/v2/autocompleteValues?key=`, empty for a key not configured).
    func attributeValues(_ name: String) throws(RemoteError) -> [String] {
        switch RemoteField(name) {
        case .service: return try services()
        case .name:
            let paths = try services().prefix(JaegerBackend.maxServicesSearched).map {
                RemoteUnits.path("/api/v2/spans", [("serviceName", $0)])
            }
            var names = Set<String>()
            for (i, body) in try http.getEach(paths, inFlight: 8).enumerated() {
                guard let body else { continue }
                names.formUnion(try Self.strings(body, request: "GET \(http.endpoint.baseURL)\(paths[i])", what: "[\"span name\", ...]"))
            }
            return names.sorted()
        case .tag(let key):
            return try strings("/api/v2/autocompleteValues", query: [("key", key)], what: "[\"value\", ...]")
        case .other: return []
        }
    }

    /// A JSON array of strings from `path`, sorted.
    private func strings(_ path: String, query: [(String, String)] = [], what: String) throws(RemoteError) -> [String] {
        let body = try http.get(path, query: query)
        let shown = "GET \(http.endpoint.baseURL)\(RemoteUnits.path(path, query))"
        return try Self.strings(body, request: shown, what: what).sorted()
    }

    private static func strings(_ body: [UInt8], request: String, what: String) throws(RemoteError) -> [String] {
        guard let list = try? JSONSerialization.jsonObject(with: Data(body)) as? [Any] else {
            throw RemoteError(.badResponse("not Zipkin's \(what)"), request: request)
        }
        return list.compactMap { $0 as? String }
    }
}
