import Foundation

/// Synthetic traces that a fake backend searches the way the real one does: the most recent
/// `limit` traces that start inside the asked window, of the asked service, at least
/// `minDuration` long. Each span carries 14 attributes, as an instrumented HTTP service's SDK
/// writes them, so what the client decodes is shaped like production data.
///
/// The answers' shapes: Jaeger's `{"data": [trace]}` (its HTTP query API's JSON, as Jaeger UI
/// reads it), Tempo's search `{"traces": [{"traceID", "rootServiceName", "startTimeUnixNano",
/// "durationMs"}]}` and trace by id `{"trace": OTLP JSON}`.
public struct FakeTraceArchive: Sendable {
    public struct Entry: Sendable {
        /// 32 hex digits.
        public var id: String
        /// Microseconds since the epoch.
        public var start: Int64
        public var duration: Int64
        public var service: String
        public var spans: Int
    }

    public let entries: [Entry]
    /// Each entry's Jaeger JSON, written once (`prerendered`), so a benchmark times the client,
    /// not the fake server's writing.
    private var jaegerJSON: [String: String] = [:]

    /// `count` traces of `spansPerTrace` spans each, one every `spacing` µs up to `end` µs
    /// (the newest), services taken in turn.
    public init(count: Int, end: Int64, spacing: Int64 = 1_000_000, services: [String] = ["frontend", "checkout"],
                spansPerTrace: Int = 8) {
        entries = (0..<count).map { i in
            Entry(id: String(format: "%016llx%016llx", UInt64(0x7e57), UInt64(i + 1)), start: end - Int64(i) * spacing,
                  duration: 20_000 + Int64(i % 17) * 15_000, service: services[i % services.count], spans: spansPerTrace)
        }
    }

    /// The same archive with every trace's Jaeger JSON written in advance.
    public func prerendered() -> FakeTraceArchive {
        var copy = self
        for entry in entries { copy.jaegerJSON[entry.id] = jaegerTrace(entry) }
        return copy
    }

    /// A trace of its own: `spans` spans starting at `start` µs.
    public init(single spans: Int, start: Int64, service: String = "checkout") {
        entries = [Entry(id: String(format: "%016llx%016llx", UInt64(0xb16), UInt64(1)), start: start, duration: 2_000_000,
                         service: service, spans: spans)]
    }

    /// The entries a search selects, the most recent first.
    public func select(service: String?, from: Int64, to: Int64, minDuration: Int64?, limit: Int) -> [Entry] {
        Array(entries.filter { e in
            (service == nil || e.service == service) && e.start >= from && e.start <= to && e.duration >= (minDuration ?? 0)
        }.sorted { $0.start > $1.start }.prefix(limit))
    }

    // MARK: - Jaeger

    /// `/api/traces`: service, start and end (µs), limit, minDuration (`1500us`, `2ms`, `1s`).
    public func jaegerSearch(_ request: FakeBackendServer.Request) -> FakeBackendServer.Response {
        let chosen = select(service: request.query["service"], from: Int64(request.query["start"] ?? "") ?? 0,
                            to: Int64(request.query["end"] ?? "") ?? .max,
                            minDuration: request.query["minDuration"].flatMap(Self.goMicros),
                            limit: Int(request.query["limit"] ?? "") ?? 20)
        return FakeBackendServer.Response(body: Array(("{\"data\": [" + chosen.map { jaegerJSON[$0.id] ?? jaegerTrace($0) }.joined(separator: ",")
                                                        + "], \"total\": 0, \"limit\": 0, \"offset\": 0, \"errors\": null}").utf8))
    }

    /// `/api/traces/{id}`.
    public func jaegerTraceByID(_ request: FakeBackendServer.Request) -> FakeBackendServer.Response {
        guard let entry = entries.first(where: { request.path.hasSuffix($0.id) }) else {
            return FakeBackendServer.Response(status: 404, body: Array(#"{"data": null, "errors": [{"code": 404, "msg": "trace not found"}]}"#.utf8))
        }
        return FakeBackendServer.Response(body: Array(("{\"data\": [" + jaegerTrace(entry) + "]}").utf8))
    }

    /// `1500us`, `2ms`, `1.5s` in µs.
    static func goMicros(_ text: String) -> Int64? {
        for (suffix, scale) in [("us", 1.0), ("µs", 1.0), ("ms", 1e3), ("s", 1e6)] where text.hasSuffix(suffix) {
            return Double(text.dropLast(suffix.count)).map { Int64($0 * scale) }
        }
        return nil
    }

    func jaegerTrace(_ e: Entry) -> String {
        var spans: [String] = []
        for s in 0..<e.spans {
            let span = spanID(e, s)
            let reference = s == 0 ? "" : #"{"refType": "CHILD_OF", "traceID": "\#(e.id)", "spanID": "\#(spanID(e, (s - 1) / 4))"}"#
            let (start, duration) = timing(e, s)
            let tags = attributes(e, s).map { #"{"key": "\#($0.0)", "type": "\#($0.2 ? "int64" : "string")", "value": \#($0.2 ? $0.1 : "\"" + $0.1 + "\"")}"# }
            spans.append(#"{"traceID": "\#(e.id)", "spanID": "\#(span)", "operationName": "\#(name(s))", "references": [\#(reference)], "startTime": \#(start), "duration": \#(duration), "tags": [\#(tags.joined(separator: ","))], "logs": [], "processID": "p1", "warnings": null}"#)
        }
        return #"{"traceID": "\#(e.id)", "spans": [\#(spans.joined(separator: ","))], "processes": {"p1": {"serviceName": "\#(e.service)", "tags": [{"key": "telemetry.sdk.language", "type": "string", "value": "go"}, {"key": "host.name", "type": "string", "value": "node-7"}]}}, "warnings": null}"#
    }

    // MARK: - Tempo

    /// `/api/search`: start and end (Unix seconds), limit.
    public func tempoSearch(_ request: FakeBackendServer.Request) -> FakeBackendServer.Response {
        let from = (Int64(request.query["start"] ?? "") ?? 0) * 1_000_000
        let to = (Int64(request.query["end"] ?? "") ?? Int64.max / 1_000_000) * 1_000_000
        let chosen = select(service: nil, from: from, to: to, minDuration: nil, limit: Int(request.query["limit"] ?? "") ?? 20)
        let traces = chosen.map { e in
            #"{"traceID": "\#(e.id)", "rootServiceName": "\#(e.service)", "rootTraceName": "\#(name(0))", "startTimeUnixNano": "\#(e.start * 1_000)", "durationMs": \#(e.duration / 1_000)}"#
        }
        return FakeBackendServer.Response(body: Array(("{\"traces\": [" + traces.joined(separator: ",") + "], \"metrics\": {\"inspectedTraces\": \(entries.count)}}").utf8))
    }

    /// `/api/v2/traces/{id}`: OTLP JSON in `{"trace": ...}`.
    public func tempoTraceByID(_ request: FakeBackendServer.Request) -> FakeBackendServer.Response {
        guard let entry = entries.first(where: { request.path.hasSuffix($0.id) }) else {
            return FakeBackendServer.Response(status: 404, body: Array("trace not found".utf8))
        }
        return FakeBackendServer.Response(body: Array(("{\"trace\": " + otlpTrace(entry) + ", \"status\": \"COMPLETE\"}").utf8))
    }

    public func otlpTrace(_ e: Entry) -> String {
        var spans: [String] = []
        spans.reserveCapacity(e.spans)
        for s in 0..<e.spans {
            let (start, duration) = timing(e, s)
            let parent = s == 0 ? "" : spanID(e, (s - 1) / 4)
            let attributes = attributes(e, s).map { #"{"key": "\#($0.0)", "value": {"\#($0.2 ? "intValue" : "stringValue")": "\#($0.1)"}}"# }
            spans.append(#"{"traceId": "\#(e.id)", "spanId": "\#(spanID(e, s))", "parentSpanId": "\#(parent)", "name": "\#(name(s))", "kind": 2, "startTimeUnixNano": "\#(start * 1_000)", "endTimeUnixNano": "\#((start + duration) * 1_000)", "attributes": [\#(attributes.joined(separator: ","))], "status": {}}"#)
        }
        return #"{"resourceSpans": [{"resource": {"attributes": [{"key": "service.name", "value": {"stringValue": "\#(e.service)"}}, {"key": "telemetry.sdk.language", "value": {"stringValue": "go"}}, {"key": "host.name", "value": {"stringValue": "node-7"}}]}, "scopeSpans": [{"scope": {"name": "net/http"}, "spans": [\#(spans.joined(separator: ","))]}]}]}"#
    }

    // MARK: - Spans

    func spanID(_ e: Entry, _ s: Int) -> String { String(e.id.suffix(8)) + String(format: "%08x", s + 1) }

    func name(_ s: Int) -> String { s == 0 ? "GET /checkout" : ["SELECT orders", "POST /charge", "cache.get", "publish"][s % 4] }

    /// A span's start and duration (µs), inside its parent's.
    func timing(_ e: Entry, _ s: Int) -> (Int64, Int64) {
        s == 0 ? (e.start, e.duration) : (e.start + 100 + Int64(s % 50), max(1, e.duration / 4 - Int64(s % 50)))
    }

    /// 14 attributes: (key, value, is an integer).
    func attributes(_ e: Entry, _ s: Int) -> [(String, String, Bool)] {
        [("http.method", "GET", false), ("http.route", "/checkout/{id}", false), ("http.status_code", s % 29 == 5 ? "500" : "200", true),
         ("http.url", "https://shop.example/checkout/\(s)", false), ("net.peer.name", "orders.internal", false),
         ("net.peer.port", "8080", true), ("http.user_agent", "Mozilla/5.0 (X11; Linux x86_64)", false),
         ("db.system", "postgresql", false), ("db.statement", "SELECT * FROM orders WHERE id = $1", false),
         ("thread.id", "\(s % 16)", true), ("code.function", "handle", false), ("code.namespace", "shop.checkout", false),
         ("component", "http", false), ("span.kind", "server", false)]
    }
}
