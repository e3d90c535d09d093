import TraceModel

/// What each backend's client answers, in bytes `TraceDecoder` reads (Jaeger's `{"data": [...]}`,
/// OTLP JSON, Zipkin's arrays of spans).
protocol RemoteBackend: Sendable {
    var http: RemoteHTTP { get }
    /// The traces a search finds: documents holding whole traces.
    func search(_ search: RemoteSearch) throws(RemoteError) -> [[UInt8]]
    /// One trace by id; nil when the backend does not have it (404).
    func trace(_ id: TraceID) throws(RemoteError) -> [UInt8]?
    /// The services the backend knows (for `trex sources`).
    func services() throws(RemoteError) -> [String]
}

extension RemoteBackend {
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
    case .jaeger: JaegerBackend(http: http)
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
}
