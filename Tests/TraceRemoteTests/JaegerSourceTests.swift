import Foundation
import Testing
import TraceModel
import TraceQuery
import TraceStore
import RemoteTestSupport
import TestSupport
@testable import TraceRemote

/// The Jaeger client against a local server answering as Jaeger's HTTP query API documents
/// (`/api/services`, `/api/traces` with service, operation, tags, minDuration, maxDuration,
/// start, end, limit, lookback; `/api/traces/{id}`): what is asked, what the user gets, and
/// how failures read.
@Suite(.serialized) struct JaegerSourceTests {
    /// The project's own Jaeger sample (docs/samples), as `/api/traces` answers: `{"data": [...]}`.
    static var traces: [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/samples/jaeger/checkout-slow-payment.json")
        return Array((try? Data(contentsOf: url)) ?? Data())
    }

    static let searchParameters: Set<String> = ["service", "operation", "tags", "minDuration", "maxDuration", "start", "end",
                                                "limit", "lookback"]

    static func server(traces: @escaping @Sendable (FakeBackendServer.Request) -> FakeBackendServer.Response = { _ in .init(body: JaegerSourceTests.traces) })
        throws -> FakeBackendServer {
        try FakeBackendServer(routes: routes(traces: traces))
    }

    static func routes(traces: @escaping @Sendable (FakeBackendServer.Request) -> FakeBackendServer.Response = { _ in .init(body: JaegerSourceTests.traces) })
        -> [FakeBackendServer.FakeRoute] {
        [
            .init("/api/services") { _ in .json(#"{"data": ["frontend", "checkout"], "total": 2, "errors": null}"#) },
            .init("/api/traces", required: ["service"], accepted: searchParameters, answer: traces),
            .init("/api/traces/{id}") { request in
                request.path.hasSuffix("/4424642080facb2cace39cc35befddba") ? .init(body: JaegerSourceTests.traces) : .init(status: 404, body: Array(#"{"errors":[{"code":404,"msg":"trace not found"}]}"#.utf8))
            },
            // http_handler.go before jaeger#9260: getOperations, `{"data": [{"name", "spanKind"}], "total"}`;
            // `service` is required (400 without), `spanKind` optional.
            .init("/api/operations", required: ["service"], accepted: ["spanKind"]) { request in
                request.query["service"] == "frontend"
                    ? .json(#"{"data": [{"name": "HTTP GET /dispatch", "spanKind": "server"}], "total": 1, "limit": 0, "offset": 0, "errors": null}"#)
                    : .json(#"{"data": [{"name": "HTTP GET /dispatch", "spanKind": "client"}, {"name": "checkout", "spanKind": "server"}], "total": 2, "limit": 0, "offset": 0, "errors": null}"#)
            },
        ]
    }

    static func endpoint(_ server: FakeBackendServer) -> RemoteEndpoint {
        RemoteEndpoint(backend: .jaeger, baseURL: server.baseURL, jaegerAPI: .classic)
    }

    @Test func withoutAServiceEachServiceIsSearched() throws {
        let server = try Self.server()
        defer { server.stop() }
        var options = RemoteOptions()
        options.lookback = .seconds(1_000 * 86_400)
        let source = try RemoteSource.open(Self.endpoint(server), options: options)
        #expect(server.violations.isEmpty, "\(server.violations)")
        let searched = server.requests.filter { $0.path == "/api/traces" }.compactMap { $0.query["service"] }
        #expect(searched.sorted() == ["checkout", "frontend"])
        let listing = source.traceListing(overlapping: nil)
        #expect(listing.count == 1 && listing.summaries[0].spanCount == 17, "one trace, returned for both services")
        // Times are microseconds; a page asks for the page size (the limit, 200, shared by 2 services).
        let first = try #require(server.requests.first { $0.path == "/api/traces" })
        #expect(first.query["limit"] == "50")
        #expect((first.query["start"]?.count ?? 0) >= 15 && (first.query["end"]?.count ?? 0) >= 16, "\(first.query)")
    }

    @Test func whatJaegerCanSearchIsSent() throws {
        let server = try Self.server()
        defer { server.stop() }
        let query = try Query.parse(#"service.name = "checkout" AND span.name = "POST /api/charge" AND duration > 100ms AND http.status_code >= 500"#)
        let source = try RemoteSource.open(Self.endpoint(server), options: RemoteOptions(), query: query)
        #expect(server.violations.isEmpty, "\(server.violations)")
        let search = try #require(server.requests.first { $0.path == "/api/traces" })
        #expect(search.query["service"] == "checkout")
        #expect(search.query["operation"] == "POST /api/charge")
        #expect(search.query["minDuration"] == "100000us")
        #expect(search.query["maxDuration"] == nil)
        #expect(search.query["tags"] == nil, "a range on a tag is not an exact match")
        #expect(!server.requests.contains { $0.path == "/api/services" }, "a service given: no need to list them")
        #expect(source.search.searchedText == "service, operation and duration")
    }

    @Test func exactTagsAreSentAsJaegersTagsObject() throws {
        let server = try Self.server()
        defer { server.stop() }
        let query = try Query.parse(#"service.name = "payment" AND http.status_code = 500 AND user.id = "42" AND (region = "eu" OR region = "us")"#)
        let source = try RemoteSource.open(Self.endpoint(server), options: RemoteOptions(), query: query)
        let search = try #require(server.requests.first { $0.path == "/api/traces" })
        #expect(search.query["tags"] == #"{"http.status_code":"500","user.id":"42"}"#, "nothing from under OR: \(search.query)")
        #expect(source.search.searchedText == "service and 2 tags")
        #expect(server.violations.isEmpty)
    }

    @Test func aTraceNotFoundIsFetchedByIDAndMissingOnesAreSaid() throws {
        let server = try Self.server(traces: { _ in .json(#"{"data": [], "total": 0, "errors": null}"#) })
        defer { server.stop() }
        let source = try RemoteSource.open(Self.endpoint(server), options: RemoteOptions())
        #expect(source.traceListing(overlapping: nil).count == 0)
        let id = "4424642080facb2cace39cc35befddba"
        guard case .success(let found) = try source.findTrace(id) else {
            Issue.record("not fetched: \(server.requests.map(\.path))")
            return
        }
        #expect(try source.loadTraces([found]).spans.count == 17)
        #expect(server.requests.contains { $0.path == "/api/traces/\(id)" })
        guard case .failure = try source.findTrace("00000000000000000000000000000bad") else {
            Issue.record("a trace the backend lacks was found")
            return
        }
    }

    @Test func failuresSayWhatWasAsked() throws {
        let cases: [(FakeBackendServer.Response, String)] = [
            (.init(status: 500, body: Array("storage backend unavailable".utf8)), "HTTP 500: storage backend unavailable"),
            (.init(status: 429, headers: [("Retry-After", "7")]), "HTTP 429, the backend asks to slow down (retry after 7 s)"),
            (.init(body: Self.traces, delay: .seconds(3)), "no answer in time"),
        ]
        for (answer, says) in cases {
            let server = try Self.server(traces: { _ in answer })
            defer { server.stop() }
            var options = RemoteOptions()
            options.timeoutSeconds = 1
            do {
                _ = try RemoteSource.open(Self.endpoint(server), options: options, query: try Query.parse(#"service.name = "checkout""#))
                Issue.record("no error for \(says)")
            } catch {
                let text = "\(error)"
                #expect(text.contains(says) && text.contains("GET \(server.baseURL)/api/traces?service=checkout"), "\(text)")
            }
        }
    }

    @Test func aBodyCutShortIsAnError() throws {
        let server = try Self.server(traces: { _ in .init(body: JaegerSourceTests.traces, truncated: true) })
        defer { server.stop() }
        #expect(throws: RemoteError.self) {
            _ = try RemoteSource.open(Self.endpoint(server), options: RemoteOptions(), query: try Query.parse(#"service.name = "checkout""#))
        }
    }

    @Test func headersAreSentAndNeverShown() throws {
        let server = try Self.server(traces: { _ in .init(status: 401, body: Array("unauthorized".utf8)) })
        defer { server.stop() }
        var options = RemoteOptions()
        options.headers = [("Authorization", "Bearer s3cr3t")]
        options.setTenant("team-a")
        do {
            _ = try RemoteSource.open(Self.endpoint(server), options: options, query: try Query.parse(#"service.name = "checkout""#))
        } catch {
            #expect(!"\(error)".contains("s3cr3t"), "\(error)")
        }
        let sent = try #require(server.requests.first)
        #expect(sent.headers["authorization"] == "Bearer s3cr3t" && sent.headers["x-scope-orgid"] == "team-a")
    }

    /// Completion: the services, every service's operations, and the fields Jaeger searches.
    @Test func completionFromServicesAndOperations() throws {
        let server = try Self.server()
        defer { server.stop() }
        let source = try RemoteSource.open(RemoteEndpoint(backend: .jaeger, baseURL: server.baseURL, jaegerAPI: .classic),
                                           options: RemoteOptions(), query: try Query.parse(#"service.name = "checkout""#))
        #expect(try source.attributeValues("resource.service.name") == ["checkout", "frontend"])
        #expect(try source.attributeValues("service.name") == ["checkout", "frontend"])
        #expect(try source.attributeValues("name") == ["HTTP GET /dispatch", "checkout"])
        #expect(try source.attributeNames() == ["duration", "name", "resource.service.name"])
        #expect(try source.attributeValues("duration") == [])
        #expect(server.violations.isEmpty, "\(server.violations)")
        #expect(server.requests.filter { $0.path == "/api/operations" }.count == 2)
    }

    @Test func endpointsParse() throws {
        let e = try RemoteEndpoint.parse("tempo+https://tempo.example:3200/tempo/")
        #expect(e.backend == .tempo && e.baseURL == "https://tempo.example:3200/tempo")
        for (bad, says) in [("http://x:16686", "BACKEND+http"), ("honeycomb+http://x", "not a backend"),
                            ("jaeger+ftp://x", "http:// or https://"), ("jaeger+http://user:pw@x", "credentials")] {
            do {
                _ = try RemoteEndpoint.parse(bad)
                Issue.record("\(bad) parsed")
            } catch {
                #expect(error.description.contains(says), "\(bad): \(error)")
            }
        }
    }
}
