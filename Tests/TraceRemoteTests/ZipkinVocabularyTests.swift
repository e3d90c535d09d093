import Foundation
import Testing
import TraceModel
import TraceQuery
import TraceStore
import RemoteTestSupport
@testable import TraceRemote

/// Zipkin's completion endpoints and search bounds, against a local server declaring
/// openzipkin/zipkin-api's zipkin2-api.yaml: `/spans?serviceName=` (required; the file gives
/// ListOfSpans as its schema, but Zipkin answers span names, `["get", ...]`),
/// `/autocompleteKeys`, `/autocompleteValues?key=` (required), and `/traces`' parameters, with
/// QueryRequest.build()'s checks (zipkin/src/main/java/zipkin2/storage/QueryRequest.java):
/// minDuration > 0, maxDuration only with minDuration.
@Suite(.serialized) struct ZipkinVocabularyTests {
    static let traceParameters: Set<String> = ["serviceName", "spanName", "annotationQuery", "minDuration", "maxDuration", "endTs",
                                               "lookback", "limit"]

    static func server(keys: FakeBackendServer.Response = .json(#"["environment", "http.method"]"#),
                       traces: @escaping @Sendable (FakeBackendServer.Request) -> FakeBackendServer.Response = { _ in .json("[]") }) throws -> FakeBackendServer {
        try FakeBackendServer(routes: [
            .init("/api/v2/services") { _ in .json(#"["frontend", "checkout"]"#) },
            .init("/api/v2/spans", required: ["serviceName"]) { request in
                request.query["serviceName"] == "frontend" ? .json(#"["get /checkout", "post /api/checkout"]"#) : .json(#"["post /api/checkout", "post /api/charge"]"#)
            },
            .init("/api/v2/autocompleteKeys") { _ in keys },
            .init("/api/v2/autocompleteValues", required: ["key"]) { request in
                request.query["key"] == "environment" ? .json(#"["prod", "staging"]"#) : .json("[]")
            },
            .init("/api/v2/traces", accepted: traceParameters) { request in
                // QueryRequest.build()'s refusals, as Zipkin answers them (400).
                let min = request.query["minDuration"].flatMap { Int64($0) }
                if let min, min <= 0 { return .init(status: 400, body: Array("minDuration <= 0".utf8)) }
                if request.query["maxDuration"] != nil && min == nil {
                    return .init(status: 400, body: Array("maxDuration is only valid with minDuration".utf8))
                }
                if let max = request.query["maxDuration"].flatMap({ Int64($0) }), let min, max < min {
                    return .init(status: 400, body: Array("maxDuration < minDuration".utf8))
                }
                return traces(request)
            },
        ])
    }

    static func endpoint(_ server: FakeBackendServer) -> RemoteEndpoint { RemoteEndpoint(backend: .zipkin, baseURL: server.baseURL) }

    @Test func completion() throws {
        let server = try Self.server()
        defer { server.stop() }
        let source = try RemoteSource.open(Self.endpoint(server), options: RemoteOptions())
        #expect(try source.attributeNames() == ["name", "resource.service.name", "span.environment", "span.http.method"])
        #expect(try source.attributeValues("resource.service.name") == ["checkout", "frontend"])
        #expect(try source.attributeValues("name") == ["get /checkout", "post /api/charge", "post /api/checkout"])
        #expect(Set(server.requests.filter { $0.path == "/api/v2/spans" }.compactMap { $0.query["serviceName"] }) == ["checkout", "frontend"])
        #expect(try source.attributeValues("span.environment") == ["prod", "staging"])
        #expect(try source.attributeValues("http.method") == [])
        #expect(server.requests.last?.query["key"] == "http.method")
        #expect(try source.attributeValues("duration") == [])
        #expect(server.violations.isEmpty, "\(server.violations)")
    }

    /// A Zipkin without `/api/v2/autocompleteKeys` (404) still names what it searches.
    @Test func withoutAutocompleteKeys() throws {
        let server = try Self.server(keys: .init(status: 404, body: Array(#"{"status":404,"error":"Not Found"}"#.utf8)))
        defer { server.stop() }
        let source = try RemoteSource.open(Self.endpoint(server), options: RemoteOptions())
        #expect(try source.attributeNames() == ["name", "resource.service.name"])
    }

    @Test func completionFailuresRead() throws {
        let server = try Self.server(keys: .init(status: 500, body: Array("storage down".utf8)))
        defer { server.stop() }
        let source = try RemoteSource.open(Self.endpoint(server), options: RemoteOptions())
        do {
            _ = try source.attributeNames()
            Issue.record("no error")
        } catch {
            #expect("\(error)" == "GET \(server.baseURL)/api/v2/autocompleteKeys: HTTP 500: storage down")
        }
    }

    /// Duration bounds Zipkin accepts: an upper bound alone goes with `minDuration=1`, a lower
    /// bound under a microsecond as 1.
    @Test func durationBoundsZipkinAccepts() throws {
        let cases: [(String, String?, String?)] = [
            ("duration < 2s", "1", "2000000"),
            ("duration > 10ns", "1", nil),
            ("duration > 10ns AND duration < 500ns", "1", "1"),
            ("duration >= 3ms AND duration <= 5ms", "3000", "5000"),
        ]
        for (text, min, max) in cases {
            let server = try Self.server()
            defer { server.stop() }
            _ = try RemoteSource.open(Self.endpoint(server), options: RemoteOptions(), query: try Query.parse(text))
            let search = try #require(server.requests.first { $0.path == "/api/v2/traces" })
            #expect(search.query["minDuration"] == min && search.query["maxDuration"] == max, "\(text): \(search.query)")
            #expect(server.violations.isEmpty, "\(server.violations)")
        }
    }
}
