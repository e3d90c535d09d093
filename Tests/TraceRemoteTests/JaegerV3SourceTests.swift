import Foundation
import Testing
import TraceModel
import TraceQuery
import TraceStore
import RemoteTestSupport
@testable import TraceRemote

/// Jaeger's api_v3 over HTTP, against a local server answering as Jaeger's HTTP gateway does
/// (jaeger: cmd/jaeger/internal/extension/jaegerquery/internal/apiv3/http_gateway.go and
/// query_parser.go; jaeger-idl: swagger/api_v3/query_service.openapi.yaml): what is asked, the
/// choice between api_v3 and the classic API, completion, and how failures read.
@Suite(.serialized) struct JaegerV3SourceTests {
    /// The checkout of docs/samples/otlp as `/api/v3/traces` answers it: GRPCGatewayWrapper,
    /// `{"result": <TracesData>}` (apiv3/snapshots/FindTraces.json has the same shape).
    static var v3Traces: [UInt8] {
        Array(#"{"result": "#.utf8) + TempoZipkinSourceTests.sample("otlp/checkout-slow-payment.json") + Array("}".utf8)
    }
    static let traceID = "bb5910967b2977eab60c1c1d3a197899"
    /// `returnTraces` when nothing matched: a 404 with GRPCGatewayError's JSON (http.Error adds
    /// the newline and sends it as text/plain).
    static let noTraces = FakeBackendServer.Response(status: 404, body: Array((#"{"error":{"httpCode":404,"message":"No traces found"}}"# + "\n").utf8),
                                                     headers: [("Content-Type", "text/plain; charset=utf-8")])

    /// query_parser.go's parameters: the snake_case spellings (deprecated aliases since
    /// jaeger#8625, the only ones before) and the camelCase ones; `query.num_traces` is
    /// `query.search_depth`'s older name. Required: the two times (the gateway answers 400
    /// without them, though the OpenAPI file does not mark them required).
    static let searchParameters: Set<String> = [
        "query.service_name", "query.operation_name", "query.start_time_min", "query.start_time_max", "query.duration_min",
        "query.duration_max", "query.search_depth", "query.num_traces", "query.attributes", "query.raw_traces",
        "query.serviceName", "query.operationName", "query.startTimeMin", "query.startTimeMax", "query.durationMin",
        "query.durationMax", "query.searchDepth", "query.rawTraces", "query.filter",
    ]

    static func v3Routes(traces: @escaping @Sendable (FakeBackendServer.Request) -> FakeBackendServer.Response = { _ in .init(body: JaegerV3SourceTests.v3Traces) })
        -> [FakeBackendServer.FakeRoute] {
        [
            // apiv3/snapshots/GetServices.json's shape.
            .init("/api/v3/services") { _ in .json(#"{"services": ["frontend", "checkout"]}"#) },
            // apiv3/snapshots/GetOperations.json's shape; `service` and `spanKind` (`span_kind` before).
            .init("/api/v3/operations", required: ["service"], accepted: ["spanKind", "span_kind"]) { request in
                request.query["service"] == "frontend"
                    ? .json(#"{"operations": [{"name": "GET /checkout", "spanKind": "server"}, {"name": "POST /api/checkout", "spanKind": "client"}]}"#)
                    : .json(#"{"operations": [{"name": "POST /api/checkout", "spanKind": "server"}, {"name": "GET /api/cart", "spanKind": "client"}]}"#)
            },
            .init("/api/v3/traces", required: ["query.start_time_min", "query.start_time_max"], accepted: searchParameters, answer: traces),
            .init("/api/v3/traces/{trace_id}", accepted: ["start_time", "end_time", "raw_traces", "startTime", "endTime", "rawTraces"]) { request in
                request.path.hasSuffix(traceID) ? .init(body: JaegerV3SourceTests.v3Traces) : noTraces
            },
        ]
    }

    static func v3Server(traces: @escaping @Sendable (FakeBackendServer.Request) -> FakeBackendServer.Response = { _ in .init(body: JaegerV3SourceTests.v3Traces) })
        throws -> FakeBackendServer {
        try FakeBackendServer(routes: v3Routes(traces: traces))
    }

    static func endpoint(_ server: FakeBackendServer, _ api: RemoteEndpoint.JaegerAPI = .automatic) -> RemoteEndpoint {
        RemoteEndpoint(backend: .jaeger, baseURL: server.baseURL, jaegerAPI: api)
    }

    @Test func aSearchAsksAPIv3WithItsParameters() throws {
        let server = try Self.v3Server()
        defer { server.stop() }
        let query = try Query.parse(#"service.name = "checkout" AND span.name = "POST /api/charge" AND duration > 100ms AND duration < 1.5s AND http.status_code = 500"#)
        let window = Timestamp(unixNanos: 1_732_519_999_123_456_789)...Timestamp(unixNanos: 1_732_520_999_000_000_000)
        let source = try RemoteSource.open(Self.endpoint(server), options: RemoteOptions(), query: query, window: window)
        #expect(server.violations.isEmpty, "\(server.violations)")
        #expect(server.requests.first?.path == "/api/v3/services", "the API is probed first")
        let search = try #require(server.requests.first { $0.path == "/api/v3/traces" })
        #expect(search.query["query.service_name"] == "checkout")
        #expect(search.query["query.operation_name"] == "POST /api/charge")
        // RFC 3339 with nanoseconds (time.RFC3339Nano); the end is exclusive, so a nanosecond later.
        #expect(search.query["query.start_time_min"] == "2024-11-25T07:33:19.123456789Z")
        #expect(search.query["query.start_time_max"] == "2024-11-25T07:49:59.000000001Z")
        // Go durations (time.ParseDuration).
        #expect(search.query["query.duration_min"] == "100000us" && search.query["query.duration_max"] == "1500000us", "\(search.query)")
        #expect(search.query["query.attributes"] == #"{"http.status_code":"500"}"#)
        #expect(search.query["query.search_depth"] == "50" && search.query["query.num_traces"] == "50", "a page")
        #expect(!server.requests.contains { $0.path.hasPrefix("/api/traces") }, "no classic request")
        let listing = source.traceListing(overlapping: nil)
        #expect(listing.count == 1 && listing.summaries[0].spanCount == 17)
        #expect(source.opening?.sentence == "Jaeger searched service, operation, duration and a tag; trex filtered the rest")
    }

    @Test func withoutAServiceEachServiceIsSearched() throws {
        let server = try Self.v3Server()
        defer { server.stop() }
        let source = try RemoteSource.open(Self.endpoint(server, .v3), options: RemoteOptions())
        #expect(server.violations.isEmpty, "\(server.violations)")
        let searched = server.requests.filter { $0.path == "/api/v3/traces" }.compactMap { $0.query["query.service_name"] }
        #expect(searched.sorted() == ["checkout", "frontend"])
        #expect(source.traceListing(overlapping: nil).count == 1)
    }

    @Test func aSearchFindingNothingIsEmptyNotAnError() throws {
        let server = try Self.v3Server(traces: { _ in JaegerV3SourceTests.noTraces })
        defer { server.stop() }
        let source = try RemoteSource.open(Self.endpoint(server, .v3), options: RemoteOptions(), query: try Query.parse(#"service.name = "checkout""#))
        #expect(source.traceListing(overlapping: nil).count == 0)
        #expect((source.opening?.warnings ?? ["no outcome"]).isEmpty, "\(String(describing: source.opening))")
        #expect(server.violations.isEmpty)
    }

    @Test func aTraceByIDAndOneMissing() throws {
        let server = try Self.v3Server(traces: { _ in JaegerV3SourceTests.noTraces })
        defer { server.stop() }
        let source = try RemoteSource.open(Self.endpoint(server, .v3), options: RemoteOptions(), query: try Query.parse(#"service.name = "checkout""#))
        guard case .success(let id) = try source.findTrace(Self.traceID) else {
            Issue.record("not fetched: \(server.requests.map(\.path))")
            return
        }
        #expect(try source.loadTraces([id]).spans.count == 17)
        #expect(server.requests.contains { $0.path == "/api/v3/traces/\(Self.traceID)" })
        guard case .failure = try source.findTrace("00000000000000000000000000000bad") else {
            Issue.record("a trace the backend lacks was found")
            return
        }
        #expect(server.violations.isEmpty, "\(server.violations)")
    }

    /// An older gateway streams the answer as several `{"result": ...}` chunks, one a line.
    @Test func aStreamedAnswerIsRead() throws {
        let sample = TempoZipkinSourceTests.sample("otlp/checkout-slow-payment.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(sample)) as? [String: Any])
        let resourceSpans = try #require(object["resourceSpans"] as? [Any])
        var stream: [UInt8] = []
        for part in resourceSpans {
            let chunk = try JSONSerialization.data(withJSONObject: ["result": ["resourceSpans": [part]]])
            stream += Array(chunk) + Array("\n".utf8)
        }
        let body = stream
        let server = try Self.v3Server(traces: { _ in .init(body: body) })
        defer { server.stop() }
        let source = try RemoteSource.open(Self.endpoint(server, .v3), options: RemoteOptions(), query: try Query.parse(#"service.name = "checkout""#))
        let listing = source.traceListing(overlapping: nil)
        #expect(listing.count == 1 && listing.summaries.first?.spanCount == 17, "\(source.opening?.warnings ?? [])")
    }

    @Test func completionFromServicesAndOperations() throws {
        let server = try Self.v3Server()
        defer { server.stop() }
        let source = try RemoteSource.open(Self.endpoint(server), options: RemoteOptions(), query: try Query.parse(#"service.name = "checkout""#))
        #expect(try source.attributeValues("resource.service.name") == ["checkout", "frontend"])
        #expect(try source.attributeValues("name") == ["GET /api/cart", "GET /checkout", "POST /api/checkout"])
        #expect(Set(server.requests.filter { $0.path == "/api/v3/operations" }.compactMap { $0.query["service"] }) == ["checkout", "frontend"])
        #expect(try source.attributeNames() == ["duration", "name", "resource.service.name"])
        #expect(try source.attributeValues("span.http.method") == [], "Jaeger lists no tag values")
        #expect(server.violations.isEmpty, "\(server.violations)")
        #expect(server.requests.filter { $0.path == "/api/v3/services" }.count >= 2, "the probe, then the lists")
    }

    // MARK: - Choosing the API

    /// A Jaeger without api_v3 (404 on `/api/v3/services`): the classic API, probed once.
    @Test func aJaegerWithoutAPIv3GetsTheClassicAPI() throws {
        let server = try JaegerSourceTests.server()
        defer { server.stop() }
        let endpoint = Self.endpoint(server)
        let source = try RemoteSource.open(endpoint, options: RemoteOptions(), query: try Query.parse(#"service.name = "checkout""#))
        #expect(source.traceListing(overlapping: nil).count == 1)
        _ = try source.search(for: try Query.parse(#"service.name = "frontend""#), progress: { _ in }, isCancelled: { false })
        _ = try source.findTrace("4424642080facb2cace39cc35befddba")
        #expect(server.requests.filter { $0.path == "/api/v3/services" }.count == 1, "probed once: \(server.requests.map(\.path))")
        #expect(server.requests.filter { $0.path == "/api/traces" }.count == 2)
        #expect(server.violations == ["GET /api/v3/services: no such endpoint"], "only the probe: \(server.violations)")
        #expect((source.backend as? JaegerAutoBackend)?.resolvedAPI == .classic)
    }

    /// Jaeger UI's server answers an unknown path with its page (200, HTML): not api_v3.
    @Test func aPageInsteadOfJSONGetsTheClassicAPI() throws {
        let server = try FakeBackendServer(routes: [
            .init("/api/v3/services") { _ in .init(body: Array("<!doctype html><html>Jaeger UI</html>".utf8), headers: [("Content-Type", "text/html")]) },
        ] + JaegerSourceTests.routes())
        defer { server.stop() }
        _ = try RemoteSource.open(Self.endpoint(server), options: RemoteOptions(), query: try Query.parse(#"service.name = "checkout""#))
        #expect(server.requests.contains { $0.path == "/api/traces" })
        #expect(!server.requests.contains { $0.path == "/api/v3/traces" })
    }

    /// A failing probe decides nothing: the error is the probe's, and the next request probes again.
    @Test func aFailingProbeIsSaidAndTriedAgain() throws {
        let failing = FakeBackendServer.Response(status: 503, body: Array("no healthy upstream".utf8))
        let server = try FakeBackendServer(routes: [.init("/api/v3/services") { _ in failing }])
        defer { server.stop() }
        let backend = JaegerAutoBackend(http: RemoteHTTP(endpoint: Self.endpoint(server), options: RemoteOptions()))
        for _ in 0..<2 {
            do {
                _ = try backend.services()
                Issue.record("no error")
            } catch {
                #expect("\(error)" == "GET \(server.baseURL)/api/v3/services: HTTP 503: no healthy upstream")
            }
        }
        #expect(backend.resolvedAPI == nil)
        #expect(server.requests.count == 2)
    }

    @Test func forcedAPIsAreNeverProbed() throws {
        let classic = try JaegerSourceTests.server()
        defer { classic.stop() }
        _ = try RemoteSource.open(Self.endpoint(classic, .classic), options: RemoteOptions(), query: try Query.parse(#"service.name = "checkout""#))
        #expect(classic.violations.isEmpty && !classic.requests.contains { $0.path.hasPrefix("/api/v3") })

        let v3 = try Self.v3Server()
        defer { v3.stop() }
        _ = try RemoteSource.open(Self.endpoint(v3, .v3), options: RemoteOptions(), query: try Query.parse(#"service.name = "checkout""#))
        #expect(v3.requests.map(\.path) == ["/api/v3/traces"], "\(v3.requests.map(\.path))")
    }

    @Test func endpointsNameTheAPI() throws {
        let v3 = try RemoteEndpoint.parse("jaeger-v3+http://jaeger:16686")
        #expect(v3.backend == .jaeger && v3.jaegerAPI == .v3 && "\(v3)" == "jaeger-v3+http://jaeger:16686")
        let v1 = try RemoteEndpoint.parse("Jaeger-V1+https://jaeger:16686/jaeger/")
        #expect(v1.jaegerAPI == .classic && v1.baseURL == "https://jaeger:16686/jaeger" && "\(v1)" == "jaeger-v1+https://jaeger:16686/jaeger")
        let auto = try RemoteEndpoint.parse("jaeger+http://jaeger:16686")
        #expect(auto.jaegerAPI == .automatic && "\(auto)" == "jaeger+http://jaeger:16686")
        #expect(try RemoteEndpoint.parse("tempo+http://t:3200").jaegerAPI == .automatic)
        #expect(RemoteCache.fileName(for: v3) == RemoteCache.fileName(for: auto), "one cache whatever the API")
        do {
            _ = try RemoteEndpoint.parse("jaeger-v2+http://x")
            Issue.record("jaeger-v2 parsed")
        } catch {
            #expect(error.description.contains("not a backend"))
        }
    }

    // MARK: - Failures

    @Test func failuresSayWhatWasAsked() throws {
        let cases: [(FakeBackendServer.Response, String)] = [
            (.init(status: 500, body: Array(#"{"error":{"httpCode":500,"message":"storage failed"}}"#.utf8)), #"HTTP 500: {"error":{"httpCode":500,"message":"storage failed"}}"#),
            (.init(status: 400, body: Array(#"{"error":{"httpCode":400,"message":"malformed parameter query.start_time_min"}}"#.utf8)), "HTTP 400"),
            (.init(status: 429, headers: [("Retry-After", "3")]), "HTTP 429, the backend asks to slow down (retry after 3 s)"),
            (.init(status: 404, body: Array("404 page not found".utf8)), "HTTP 404: 404 page not found"),
            (.init(body: Self.v3Traces, delay: .seconds(3)), "no answer in time"),
        ]
        for (answer, says) in cases {
            let server = try Self.v3Server(traces: { _ in answer })
            defer { server.stop() }
            var options = RemoteOptions()
            options.timeoutSeconds = 1
            do {
                _ = try RemoteSource.open(Self.endpoint(server, .v3), options: options, query: try Query.parse(#"service.name = "checkout""#))
                Issue.record("no error for \(says)")
            } catch {
                let text = "\(error)"
                #expect(text.contains(says) && text.contains("GET \(server.baseURL)/api/v3/traces?query.service_name=checkout"), "\(text)")
            }
        }
    }

}
