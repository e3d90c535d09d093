import Foundation
import Testing
import TraceModel
import TraceQuery
import TraceStore
import RemoteTestSupport
@testable import TraceRemote

/// Tempo's tag completion (`/api/v2/search/tags`, `/api/v2/search/tag/{name}/values`) and
/// TraceQL metrics (`/api/metrics/query_range`), against a local server answering in the shapes
/// of Tempo's docs/sources/tempo/api_docs/_index.md ("Search tags V2", "Search tag values V2",
/// "TraceQL Metrics") and pkg/tempopb/tempo.proto (QueryRangeResponse, TimeSeries, Sample) as
/// proto3 JSON (int64 as strings); the parameters are those pkg/api/http.go reads.
@Suite(.serialized) struct TempoVocabularyTests {
    static let tagParameters: Set<String> = ["scope", "q", "start", "end", "limit", "maxStaleValues"]
    static let metricsParameters: Set<String> = ["q", "query", "start", "end", "since", "step", "exemplars", "mode"]

    static func server(metrics: @escaping @Sendable (FakeBackendServer.Request) -> FakeBackendServer.Response = { _ in .json("{}") },
                       tags: FakeBackendServer.Response? = nil) throws -> FakeBackendServer {
        try FakeBackendServer(routes: [
            .init("/api/v2/search/tags", accepted: tagParameters) { _ in
                tags ?? .json(#"{"scopes": [{"name": "resource", "tags": ["k6", "service.name"]}, {"name": "span", "tags": ["http.method", "http.status_code"]}, {"name": "intrinsic", "tags": ["duration", "name", "span:name", "status"]}, {"name": "event", "tags": ["exception.message"]}], "metrics": {"inspectedBytes": "377046"}}"#)
            },
            .init("/api/v2/search/tag/{name}/values", accepted: tagParameters) { request in
                switch request.path {
                case "/api/v2/search/tag/resource.service.name/values":
                    .json(#"{"tagValues": [{"type": "string", "value": "shop-backend"}, {"type": "string", "value": "auth-service"}], "metrics": {"inspectedBytes": "502756"}}"#)
                case "/api/v2/search/tag/.http.status_code/values":
                    .json(#"{"tagValues": [{"type": "int", "value": "500"}, {"type": "int", "value": "200"}]}"#)
                default:
                    .json(#"{"tagValues": []}"#)
                }
            },
            .init("/api/metrics/query_range", required: ["q"], accepted: metricsParameters, answer: metrics),
        ])
    }

    static func backend(_ server: FakeBackendServer) -> TempoBackend {
        TempoBackend(http: RemoteHTTP(endpoint: RemoteEndpoint(backend: .tempo, baseURL: server.baseURL), options: RemoteOptions()))
    }

    @Test func tagNamesAreScoped() throws {
        let server = try Self.server()
        defer { server.stop() }
        let names = try Self.backend(server).attributeNames()
        #expect(names == ["duration", "event.exception.message", "name", "resource.k6", "resource.service.name", "span.http.method",
                          "span.http.status_code", "span:name", "status"])
        let request = try #require(server.requests.first)
        #expect((request.query["start"]?.count ?? 0) == 10 && (request.query["end"]?.count ?? 0) == 10, "a time range, Unix seconds: \(request.query)")
        let start = Int64(request.query["start"]!)!, end = Int64(request.query["end"]!)!
        #expect((3_590...3_610).contains(end - start), "the last hour: \(end - start)")
        #expect(server.violations.isEmpty, "\(server.violations)")
    }

    @Test func tagValues() throws {
        let server = try Self.server()
        defer { server.stop() }
        let backend = Self.backend(server)
        #expect(try backend.attributeValues("resource.service.name") == ["auth-service", "shop-backend"])
        #expect(try backend.attributeValues("http.status_code") == ["200", "500"], "a bare dotted name goes unscoped")
        #expect(server.requests.map(\.path).last == "/api/v2/search/tag/.http.status_code/values")
        #expect(try backend.attributeValues("span.nothing") == [])
        #expect(server.violations.isEmpty, "\(server.violations)")
    }

    @Test func tagFailuresRead() throws {
        let server = try Self.server(tags: .init(status: 500, body: Array("error querying ingesters".utf8)))
        defer { server.stop() }
        #expect(throws: RemoteError.self) { _ = try Self.backend(server).attributeNames() }
        do {
            _ = try Self.backend(server).attributeNames()
        } catch {
            #expect("\(error)".contains("/api/v2/search/tags?start=") && "\(error)".hasSuffix("HTTP 500: error querying ingesters"), "\(error)")
        }
    }

    // MARK: - Metrics

    /// `{ } | rate() by (resource.service.name)` over 10:00:00–10:02:00 with a 1m step. Tempo
    /// (2.9 and later, pkg/traceql/engine_metrics.go's IntervalMapperQueryRange) stamps each
    /// sample with the end of its step: samples at 10:01, 10:02, 10:03 are trex's steps starting
    /// 10:00, 10:01, 10:02.
    static let t0: Int64 = 1_767_261_600   // 2026-01-01T10:00:00Z
    static let rateAnswer = """
    {"series": [
      {"labels": [{"key": "resource.service.name", "value": {"stringValue": "frontend"}}],
       "samples": [{"timestampMs": "\((t0 + 60) * 1000)", "value": 0.5}, {"timestampMs": "\((t0 + 120) * 1000)", "value": 1.25}, {"timestampMs": "\((t0 + 180) * 1000)", "value": 2}],
       "exemplars": []},
      {"labels": [{"key": "resource.service.name", "value": {"stringValue": "checkout"}}],
       "samples": [{"timestampMs": "\((t0 + 60) * 1000)", "value": 0.25}]}
    ], "metrics": {"inspectedTraces": 12, "inspectedBytes": "1024", "completedJobs": 1, "totalJobs": 1}}
    """

    @Test func rateIsAskedAndShapedAsTrexShapesIt() throws {
        let server = try Self.server(metrics: { _ in .json(TempoVocabularyTests.rateAnswer) })
        defer { server.stop() }
        let query = try Query.parse("{ } | rate() by (resource.service.name)")
        let window = Timestamp(unixNanos: Self.t0 * 1_000_000_000)...Timestamp(unixNanos: (Self.t0 + 120) * 1_000_000_000)
        let result = try #require(try Self.backend(server).metrics(query, window: window, step: .seconds(60)))
        #expect(server.violations.isEmpty, "\(server.violations)")
        let request = try #require(server.requests.first)
        #expect(request.query["q"] == "{ } | rate() by (resource.service.name)")
        #expect(request.query["step"] == "1m")
        #expect(request.query["start"] == String(Self.t0 * 1_000_000_000) && request.query["end"] == String((Self.t0 + 120) * 1_000_000_000))
        // trex's steps for this window: 10:00, 10:01, 10:02.
        #expect(result.start == Timestamp(unixNanos: Self.t0 * 1_000_000_000) && result.step == .seconds(60) && result.stepCount == 3)
        #expect(result.unit == .perSecond)
        #expect(result.series.map(\.promLabels) == [#"{resource.service.name="checkout"}"#, #"{resource.service.name="frontend"}"#],
                "sorted by label as trex sorts")
        #expect(result.series[0].values == [0.25, nil, nil])
        #expect(result.series[1].values == [0.5, 1.25, 2])
    }

    /// Durations come back in seconds and trex keeps nanoseconds; the quantile's `p` label
    /// follows the `by` labels; a `by` field spelled otherwise than Tempo's key is matched.
    @Test func quantilesOfDurationAreNanoseconds() throws {
        let answer = """
        {"series": [
          {"labels": [{"key": "p", "value": {"doubleValue": 0.9}}, {"key": ".service.name", "value": {"stringValue": "api"}}],
           "samples": [{"timestampMs": "\((Self.t0 + 60) * 1000)", "value": 1.5}, {"timestampMs": "\((Self.t0 + 120) * 1000)", "value": "NaN"}]},
          {"labels": [{"key": "p", "value": {"doubleValue": 0.5}}, {"key": ".service.name", "value": {}}],
           "samples": [{"timestampMs": \((Self.t0 + 60) * 1000), "value": 0.25}]}
        ]}
        """
        let server = try Self.server(metrics: { _ in .json(answer) })
        defer { server.stop() }
        let query = try Query.parse("{ } | quantile_over_time(duration, .5, .9) by (service.name)")
        let window = Timestamp(unixNanos: Self.t0 * 1_000_000_000)...Timestamp(unixNanos: (Self.t0 + 60) * 1_000_000_000)
        let result = try #require(try Self.backend(server).metrics(query, window: window, step: .seconds(60)))
        #expect(result.unit == .nanoseconds)
        #expect(result.series.map(\.promLabels) == [#"{service.name="nil", p="0.5"}"#, #"{service.name="api", p="0.9"}"#], "\(result.series.map(\.promLabels))")
        #expect(result.series[1].values == [1.5e9, nil])
        #expect(result.series[0].values == [0.25e9, nil])
    }

    /// The same query counted by trex on the spans it holds, and answered by Tempo with the same
    /// numbers, give equal results: the shapes agree.
    @Test func aTempoAnswerEqualsTrexsOwn() throws {
        var builder = SpanTableBuilder()
        #expect(RemoteSource.decode(TempoZipkinSourceTests.sample("otlp/checkout-slow-payment.json"), source: "otlp", into: &builder).isEmpty)
        let table = builder.finish()
        let query = try Query.parse("{ } | count_over_time() by (resource.service.name)")
        let local = try #require(try MetricsEngine.run(query, on: table, step: .seconds(1)))
        // Tempo's answer for the same counts: each step's sample stamped with the step's end.
        var series: [String] = []
        for s in local.series {
            guard case .string(let service) = s.labels[0].value else { continue }
            let samples = s.values.enumerated().compactMap { i, v in
                v.map { #"{"timestampMs": "\#((local.time(ofStep: i + 1).unixNanos) / 1_000_000)", "value": \#($0)}"# }
            }
            series.append(#"{"labels": [{"key": "resource.service.name", "value": {"stringValue": "\#(service)"}}], "samples": [\#(samples.joined(separator: ","))]}"#)
        }
        let answer = #"{"series": [\#(series.reversed().joined(separator: ","))]}"#
        let server = try Self.server(metrics: { _ in .json(answer) })
        defer { server.stop() }
        let remote = try #require(try Self.backend(server).metrics(query, window: local.start...local.time(ofStep: local.stepCount - 1),
                                                                   step: .seconds(1)))
        #expect(remote == local, "\(remote)\n\(local)")
    }

    @Test func notEveryQueryIsSentToTempo() throws {
        let server = try Self.server()
        defer { server.stop() }
        let window = Timestamp(unixNanos: 0)...Timestamp(unixNanos: 60_000_000_000)
        #expect(try Self.backend(server).metrics(try Query.parse(#"{ resource.service.name = "a" }"#), window: window, step: nil) == nil)
        #expect(try Self.backend(server).metrics(try Query.parse("({ status = error } | rate()) / ({ } | rate())"), window: window, step: nil) == nil)
        #expect(server.requests.isEmpty)
        // No step given: trex's automatic one is sent, so the answer's steps are known.
        _ = try Self.backend(server).metrics(try Query.parse("{ } | rate()"), window: window, step: nil)
        #expect(server.requests.first?.query["step"] == "2s", "60 s in steps of 2 s (MetricsRange's automatic step)")
    }

    @Test func metricsFailuresRead() throws {
        let cases: [(FakeBackendServer.Response, String)] = [
            (.init(status: 400, body: Array("invalid TraceQL query: parse error at line 1".utf8)), "HTTP 400: invalid TraceQL query"),
            (.init(status: 404, body: Array("404 page not found".utf8)), "HTTP 404"),
            (.init(status: 429, headers: [("Retry-After", "5")]), "retry after 5 s"),
            (.init(body: Array("<html>".utf8)), "not Tempo's {\"series\": [...]}"),
        ]
        for (answer, says) in cases {
            let server = try Self.server(metrics: { _ in answer })
            defer { server.stop() }
            do {
                _ = try Self.backend(server).metrics(try Query.parse("{ } | rate()"), window: Timestamp(unixNanos: 0)...Timestamp(unixNanos: 60_000_000_000), step: nil)
                Issue.record("no error for \(says)")
            } catch {
                #expect("\(error)".contains(says) && "\(error)".contains("/api/metrics/query_range?q="), "\(error)")
            }
        }
    }
}
