import Foundation
import Testing
import TraceModel
import TraceQuery
import TraceStore
import RemoteTestSupport
@testable import TraceRemote

/// The Tempo and Zipkin clients against local servers answering as their APIs document: Tempo's
/// `/api/search` (q, start, end, limit, spss, minDuration, maxDuration) then
/// `/api/v2/traces/{id}`; Zipkin's `/api/v2/traces` (serviceName, spanName, annotationQuery,
/// minDuration, maxDuration, endTs, lookback, limit) and `/api/v2/trace/{id}`.
@Suite(.serialized) struct TempoZipkinSourceTests {
    static func sample(_ path: String) -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/samples/" + path)
        return Array((try? Data(contentsOf: url)) ?? Data())
    }

    /// The checkout of docs/samples/otlp, as Tempo's v2 trace by id answers it.
    static var tempoTrace: [UInt8] {
        Array(#"{"trace": "#.utf8) + sample("otlp/checkout-slow-payment.json") + Array(#", "status": "COMPLETE"}"#.utf8)
    }

    static let tempoTraceID = "bb5910967b2977eab60c1c1d3a197899"

    static func tempo() throws -> FakeBackendServer {
        try FakeBackendServer(routes: [
            .init("/api/search", accepted: ["q", "tags", "minDuration", "maxDuration", "limit", "start", "end", "spss"]) { _ in
                .json(#"{"traces": [{"traceID": "\#(tempoTraceID)", "rootServiceName": "frontend", "rootTraceName": "GET /checkout", "startTimeUnixNano": "1732519999999999999", "durationMs": 1210}], "metrics": {"inspectedBytes": "1024"}}"#)
            },
            .init("/api/v2/traces/{id}") { request in
                request.path.hasSuffix(tempoTraceID) ? .init(body: tempoTrace) : .init(status: 404, body: Array("trace not found".utf8))
            },
            .init("/api/search/tag/service.name/values") { _ in .json(#"{"tagValues": ["frontend", "checkout"]}"#) },
        ])
    }

    @Test func tempoGetsBracedTraceQLAsWrittenAndEachTraceByID() throws {
        let server = try Self.tempo()
        defer { server.stop() }
        let text = #"{ resource.service.name = "checkout" && duration > 100ms } >> { status = error }"#
        let source = try RemoteSource.open(RemoteEndpoint(backend: .tempo, baseURL: server.baseURL), options: RemoteOptions(),
                                           query: try Query.parse(text))
        #expect(server.violations.isEmpty, "\(server.violations)")
        let search = try #require(server.requests.first { $0.path == "/api/search" })
        #expect(search.query["q"] == text)
        #expect(search.query["limit"] == "50" && search.query["spss"] != nil, "a page of the option's page size")
        #expect((search.query["start"]?.count ?? 0) == 10, "Unix seconds: \(search.query)")
        #expect(server.requests.contains { $0.path == "/api/v2/traces/\(Self.tempoTraceID)" })
        #expect(source.traceListing(overlapping: nil).count == 1)
    }

    @Test func tempoGetsAPrimerQueryTranslatedElseASpansetOfWhatItImplies() throws {
        let server = try Self.tempo()
        defer { server.stop() }
        let primer = try RemoteSource.open(RemoteEndpoint(backend: .tempo, baseURL: server.baseURL), options: RemoteOptions(),
                                           query: try Query.parse(#"Duration > 5s AND service.name="checkout" AND http.status_code = 500 AND resource.region = "eu""#))
        let search = try #require(server.requests.first { $0.path == "/api/search" })
        #expect(search.query["q"] == #"{ duration > 5000000000ns && resource.service.name = "checkout" && .http.status_code = 500 && resource.region = "eu" }"#,
                "\(search.query)")
        #expect(primer.opening?.sentence == "Tempo searched the whole query; trex checked what came back")
        // NOT does not translate: the conditions it implies go.
        _ = try RemoteSource.open(RemoteEndpoint(backend: .tempo, baseURL: server.baseURL), options: RemoteOptions(),
                                  query: try Query.parse(#"Duration > 5s AND service.name="checkout" AND http.status_code = 500 AND NOT status = ERROR"#))
        #expect(server.requests.filter { $0.path == "/api/search" }.last?.query["q"]
                == #"{ resource.service.name = "checkout" && duration >= 5000000000ns && .http.status_code = 500 }"#)
        // No query: every trace of the window.
        _ = try RemoteSource.open(RemoteEndpoint(backend: .tempo, baseURL: server.baseURL), options: RemoteOptions())
        #expect(server.requests.filter { $0.path == "/api/search" }.last?.query["q"] == "{}")
    }

    @Test func tempoTenantHeader() throws {
        let server = try Self.tempo()
        defer { server.stop() }
        var options = RemoteOptions()
        options.setTenant("team-b")
        _ = try RemoteSource.open(RemoteEndpoint(backend: .tempo, baseURL: server.baseURL), options: options)
        #expect(server.requests.allSatisfy { $0.headers["x-scope-orgid"] == "team-b" })
    }

    static func zipkin() throws -> FakeBackendServer {
        // Zipkin answers /api/v2/traces with an array of traces, each an array of spans.
        let trace = sample("zipkin/checkout-slow-payment.json")
        return try FakeBackendServer(routes: [
            .init("/api/v2/traces", accepted: ["serviceName", "spanName", "remoteServiceName", "annotationQuery", "minDuration",
                                               "maxDuration", "endTs", "lookback", "limit"]) { _ in
                .init(body: Array("[".utf8) + trace + Array("]".utf8))
            },
            .init("/api/v2/trace/{id}") { _ in .init(body: trace) },
            .init("/api/v2/services") { _ in .json(#"["checkout", "frontend"]"#) },
        ])
    }

    @Test func zipkinSearchParameters() throws {
        let server = try Self.zipkin()
        defer { server.stop() }
        let source = try RemoteSource.open(RemoteEndpoint(backend: .zipkin, baseURL: server.baseURL), options: RemoteOptions(),
                                           query: try Query.parse(#"service.name = "frontend" AND duration >= 1s AND duration < 2s AND http.method = "GET""#))
        #expect(server.violations.isEmpty, "\(server.violations)")
        let search = try #require(server.requests.first)
        #expect(search.query["serviceName"] == "frontend")
        #expect(search.query["minDuration"] == "1000000" && search.query["maxDuration"] == "2000000", "microseconds: \(search.query)")
        #expect(search.query["lookback"] == "3600000", "the last hour, in milliseconds")
        #expect(search.query["annotationQuery"] == "http.method=GET")
        #expect((search.query["endTs"]?.count ?? 0) == 13)
        #expect(source.traceListing(overlapping: nil).count == 1)
        #expect(source.traceListing(overlapping: nil).summaries[0].spanCount > 10)
    }
}

/// Primer queries in Tempo's TraceQL (`TempoTraceQL`): what translates, and what falls back to
/// the conditions the query implies.
@Suite struct TempoTranslationTests {
    func q(_ text: String) throws -> String {
        var options = RemoteOptions()
        options.limit = 5
        let search = RemoteSearch(query: try Query.parse(text), options: options, now: Timestamp(unixNanos: 1_700_000_000_000_000_000))
        return TempoBackend.traceQL(search)
    }

    @Test func primerQueriesTranslate() throws {
        #expect(try q(#"Duration > 5s AND service.name="checkout""#)
                == #"{ duration > 5000000000ns && resource.service.name = "checkout" }"#)
        #expect(try q(#"Status = ERROR AND span.name="database.query""#) == #"{ status = error && name = "database.query" }"#)
        #expect(try q(#"http.status_code >= 500 OR (kind = server AND span.http.route =~ "/api/.*")"#)
                == #"{ .http.status_code >= 500 || (kind = server && span.http.route =~ "/api/.*") }"#)
        #expect(try q(#"resource.k8s.pod.name != "a\"b""#) == #"{ resource.k8s.pod.name != "a\"b" }"#)
    }

    @Test func whatTempoCannotSayFallsBackToWhatTheQueryImplies() throws {
        // NOT has no TraceQL spelling Tempo takes; the implied conditions go instead.
        #expect(try q(#"service.name = "checkout" AND NOT status = ERROR"#) == #"{ resource.service.name = "checkout" }"#)
        #expect(try q(#"name contains "GET""#) == "{}")
    }
}
