import Foundation
import TraceModel
import TraceQuery

/// What each backend's client answers, in bytes `TraceDecoder` reads (Jaeger's `{"data": [...]}`,
/// OTLP JSON, Zipkin's arrays of spans).
///
/// A search is asked page by page (`RemoteSource` runs the pages): each page is the most recent
/// traces of a time window, at most `search.limit` of them; the next page asks for the traces
/// older than the oldest one a page brought.
protocol RemoteBackend: Sendable {
    var http: RemoteHTTP { get }
    /// "Jaeger", "Tempo", "Zipkin": for "Jaeger searched service and duration".
    var name: String { get }
    /// The finest time a search's window is given in (ns): Jaeger µs, Zipkin ms, Tempo s. A
    /// page's window ends inside the granule of the oldest trace seen, so the traces seen in
    /// that granule come again.
    var timeGranularity: Int64 { get }
    /// The searches one search is made of, each paged on its own: Jaeger's one per service when
    /// the query names none; the search itself otherwise.
    func parts(of search: RemoteSearch) throws(RemoteError) -> [RemoteSearch]
    /// One page: documents holding whole traces of `search.window`, at most `search.limit`
    /// (a backend that lists ids before fetching traces fetches none of `search.seen`).
    func page(_ search: RemoteSearch) throws(RemoteError) -> RemotePage
    /// One trace by id; nil when the backend does not have it (404).
    func trace(_ id: TraceID) throws(RemoteError) -> [UInt8]?
    /// The services the backend knows (for `trex sources`).
    func services() throws(RemoteError) -> [String]
    /// What the backend searched of the user's query, in words ("service and duration").
    func searched(_ search: RemoteSearch) -> String
    /// Attribute names as TraceQL writes them, for completion (`SearchableSource.attributeNames`).
    func attributeNames() throws(RemoteError) -> [String]
    /// An attribute's known values, for completion.
    func attributeValues(_ name: String) throws(RemoteError) -> [String]
    /// A metrics query answered by the backend; nil when it answers none.
    func metrics(_ query: Query, window: ClosedRange<Timestamp>, step: Nanoseconds?) throws(RemoteError) -> MetricsResult?
}

/// One page of a search's answer.
struct RemotePage {
    /// Documents holding whole traces.
    var documents: [[UInt8]]
    /// How many traces the backend listed, when it lists them before they are fetched (Tempo),
    /// counting those not fetched again; nil when the documents are the whole answer.
    var listed: Int?
}

extension RemoteBackend {
    var timeGranularity: Int64 { 1_000 }
    func parts(of search: RemoteSearch) throws(RemoteError) -> [RemoteSearch] { [search] }
    func searched(_ search: RemoteSearch) -> String { search.searchedText }
    func attributeNames() throws(RemoteError) -> [String] { [] }
    func attributeValues(_ name: String) throws(RemoteError) -> [String] { [] }
    func metrics(_ query: Query, window: ClosedRange<Timestamp>, step: Nanoseconds?) throws(RemoteError) -> MetricsResult? { nil }

    /// GETs a trace, a 404 meaning "not there".
    func fetchOrNil(_ path: String, query: [(String, String)] = []) throws(RemoteError) -> [UInt8]? {
        do {
            return try http.get(path, query: query)
        } catch {
            if case .status(404, _) = error.kind { return nil }
            throw error
        }
    }
}

/// The client of an endpoint's backend.
func makeBackend(_ http: RemoteHTTP) -> any RemoteBackend {
    switch http.endpoint.backend {
    case .jaeger:
        switch http.endpoint.jaegerAPI {
        case .automatic: JaegerAutoBackend(http: http)
        case .v3: JaegerV3Backend(http: http)
        case .classic: JaegerBackend(http: http)
        }
    case .tempo: TempoBackend(http: http)
    case .zipkin: ZipkinBackend(http: http)
    }
}

/// Durations and times in the units the APIs take.
enum RemoteUnits {
    static func micros(_ t: Timestamp) -> String { String(t.unixNanos / 1_000) }
    static func millis(_ t: Timestamp) -> String { String(t.unixNanos / 1_000_000) }
    static func seconds(_ t: Timestamp) -> String { String(t.unixNanos / 1_000_000_000) }
    /// A Go duration, as Jaeger's minDuration takes it: `1500us`.
    static func goDuration(_ d: Nanoseconds) -> String { "\(max(0, d.value) / 1_000)us" }

    /// A Go duration to the nanosecond, as short as it is exact: `15s`, `250ms`, `1500ns`
    /// (Tempo's `step`).
    static func exactGoDuration(_ d: Nanoseconds) -> String {
        let n = max(0, d.value)
        for (unit, size) in [("h", Int64(3_600_000_000_000)), ("m", 60_000_000_000), ("s", 1_000_000_000), ("ms", 1_000_000), ("us", 1_000)]
        where n >= size && n % size == 0 {
            return "\(n / size)\(unit)"
        }
        return "\(n)ns"
    }


    /// A path segment percent-encoded (a Tempo tag name in `/api/v2/search/tag/{name}/values`).
    static func pathSegment(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }

    /// `path?a=1&b=2`, for `RemoteHTTP.getEach`, which takes paths.
    static func path(_ path: String, _ query: [(String, String)]) -> String {
        query.isEmpty ? path : path + "?" + RemoteHTTP.encode(query)
    }
}

/// Attribute names as trex and TraceQL spell them, reduced to the fields the backends know.
enum RemoteField {
    case service
    case name
    /// A span or resource attribute (Jaeger's tags, Zipkin's autocomplete keys): its key.
    case tag(String)
    case other

    /// `resource.service.name`, `service.name`, `.service.name` -> service; `name`, `span:name`,
    /// `span.name`, `operation` -> name; `span.x`, `.x`, and a bare dotted `http.method` -> tag;
    /// anything else (an intrinsic, a resource attribute) -> other.
    init(_ text: String) {
        switch text {
        case "resource.service.name", "service.name", ".service.name", "service", "resource.service":
            self = .service
        case "name", "span:name", "span.name", "operation", "operationName":
            self = .name
        default:
            if text.hasPrefix("span.") { self = .tag(String(text.dropFirst(5))) }
            else if text.hasPrefix(".") { self = .tag(String(text.dropFirst())) }
            else if text.contains("."), !text.contains(":"), !text.hasPrefix("resource.") { self = .tag(text) }
            else { self = .other }
        }
    }
}
