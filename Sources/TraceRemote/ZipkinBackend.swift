import Foundation
import TraceModel

/// Zipkin's API v2: `/api/v2/traces?serviceName=...` (an array of traces, each an array of
/// spans), `/api/v2/trace/{id}` and `/api/v2/services`.
struct ZipkinBackend: RemoteBackend {
    let http: RemoteHTTP
    var name: String { "Zipkin" }
    var timeGranularity: Int64 { 1_000_000 }

    func page(_ search: RemoteSearch) throws(RemoteError) -> RemotePage {
        let end = search.window.upperBound
        let lookback = max(1, (end - search.window.lowerBound).value / 1_000_000)
        var query: [(String, String)] = [("endTs", RemoteUnits.millis(end)), ("lookback", String(lookback)),
                                         ("limit", String(search.limit))]
        if let s = search.service { query.append(("serviceName", s)) }
        if let o = search.operation { query.append(("spanName", o)) }
        if let d = search.minDuration { query.append(("minDuration", String(d.value / 1_000))) }
        if let d = search.maxDuration { query.append(("maxDuration", String(d.value / 1_000))) }
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
        let body = try http.get("/api/v2/services")
        guard let list = try? JSONSerialization.jsonObject(with: Data(body)) as? [Any] else {
            throw RemoteError(.badResponse("not Zipkin's [\"service\", ...]"), request: "GET \(http.endpoint.baseURL)/api/v2/services")
        }
        return list.compactMap { $0 as? String }.sorted()
    }
}
