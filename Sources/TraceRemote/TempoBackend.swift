import Foundation
import TraceModel
import TraceQuery

/// Tempo's HTTP API: `/api/search` with TraceQL (`{"traces": [{"traceID": ...}]}`), then each
/// trace from `/api/v2/traces/{id}` (OTLP JSON in `{"trace": ...}`); `/api/search/tag/service.name/values`
/// for the services; tag completion and TraceQL metrics (TempoVocabulary, TempoMetrics).
///
/// A braced TraceQL query goes to Tempo as written; any other query is searched with a TraceQL
/// spanset of what it implies (service, name, duration, attribute equalities) and evaluated by
/// trex.
struct TempoBackend: RemoteBackend {
    let http: RemoteHTTP
    var name: String { "Tempo" }
    var timeGranularity: Int64 { 1_000_000_000 }
    /// Traces fetched by id at once.
    static let fetchesInFlight = 8

    /// A braced query goes as written, a primer one translated: Tempo searched all of it.
    func searched(_ search: RemoteSearch) -> String {
        search.isBracedTraceQL || search.translatedTraceQL != nil ? "the whole query" : search.searchedText
    }

    /// `/api/search` (Unix seconds; the end rounded up, so its last second is in), then each trace
    /// found by id (but those the search brought already), `fetchesInFlight` at a time.
    func page(_ search: RemoteSearch) throws(RemoteError) -> RemotePage {
        let query: [(String, String)] = [("q", Self.traceQL(search)), ("start", RemoteUnits.seconds(search.window.lowerBound)),
                                         ("end", String((search.window.upperBound.unixNanos + 999_999_999) / 1_000_000_000)),
                                         ("limit", String(search.limit)), ("spss", "3")]
        let body = try http.get("/api/search", query: query)
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
              let traces = object["traces"] as? [[String: Any]] else {
            throw RemoteError(.badResponse("not Tempo's {\"traces\": [...]}"), request: "GET \(http.endpoint.baseURL)/api/search")
        }
        let ids = traces.compactMap { ($0["traceID"] as? String).flatMap(TraceID.init(hex:)) }
        let wanted = ids.filter { !search.seen.contains($0) }
        let documents = try http.getEach(wanted.map { "/api/v2/traces/\($0.shownHex)" }, inFlight: Self.fetchesInFlight)
        return RemotePage(documents: documents.compactMap { $0 }, listed: ids.count)
    }

    /// The TraceQL sent: the user's braced query as written, a primer query translated
    /// (`TempoTraceQL`), else a spanset of what the query implies.
    static func traceQL(_ search: RemoteSearch) -> String {
        if search.isBracedTraceQL, let text = search.queryText { return text }
        if let translated = search.translatedTraceQL { return translated }
        var conditions: [String] = []
        if let s = search.service { conditions.append("resource.service.name = \(quoted(s))") }
        if let o = search.operation { conditions.append("name = \(quoted(o))") }
        if let d = search.minDuration { conditions.append("duration >= \(d.value)ns") }
        if let d = search.maxDuration { conditions.append("duration <= \(d.value)ns") }
        for tag in search.tags { conditions.append("\(tag.traceQLField) = " + (tag.isText ? quoted(tag.value) : tag.value)) }
        return conditions.isEmpty ? "{}" : "{ " + conditions.joined(separator: " && ") + " }"
    }

    private static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    func trace(_ id: TraceID) throws(RemoteError) -> [UInt8]? {
        try fetchOrNil("/api/v2/traces/\(id.shownHex)")
    }

    /// `{"tagValues": ["frontend", ...]}`.
    func services() throws(RemoteError) -> [String] {
        let body = try http.get("/api/search/tag/service.name/values")
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            throw RemoteError(.badResponse("not Tempo's {\"tagValues\": [...]}"),
                              request: "GET \(http.endpoint.baseURL)/api/search/tag/service.name/values")
        }
        return ((object["tagValues"] as? [Any]) ?? []).compactMap { $0 as? String }.sorted()
    }
}
