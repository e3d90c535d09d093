import Foundation
import Testing
import RemoteTestSupport
import TestSupport

/// `--source` on the commands, run as a user would: the real binary against a local server that
/// answers as Jaeger's query API documents.
@Suite(.serialized) struct RemoteSourceCLITests {
    static var sample: [UInt8] {
        Array((try? Data(contentsOf: TrexBinary.packageRoot.appendingPathComponent("docs/samples/jaeger/checkout-slow-payment.json"))) ?? Data())
    }

    static func jaeger(_ traces: FakeBackendServer.Response? = nil) throws -> FakeBackendServer {
        let answer = traces ?? FakeBackendServer.Response(body: sample)
        return try FakeBackendServer(routes: [
            // A Jaeger without api_v3: trex probes it once and uses the classic API.
            .init("/api/v3/services") { _ in .init(status: 404, body: Array("404 page not found".utf8)) },
            .init("/api/services") { _ in .json(#"{"data": ["frontend"]}"#) },
            .init("/api/traces", required: ["service"], accepted: ["operation", "tags", "minDuration", "maxDuration", "start", "end",
                                                                    "limit", "lookback"]) { _ in answer },
            .init("/api/traces/{id}") { _ in .init(body: sample) },
        ])
    }

    @Test func listQueryAndShowReadAJaeger() throws {
        let server = try Self.jaeger()
        defer { server.stop() }
        let source = "jaeger+\(server.baseURL)"
        let list = try TrexBinary.run(["list", "--source", source, "--since", "3650d"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("GET /checkout") && list.stdout.contains("44246420"), "\(list.stdout)")
        let query = try TrexBinary.run(["query", #"service.name = "payment" AND duration > 500ms"#, "--source", source, "--since", "3650d"])
        #expect(query.status == 0, "\(query.stderr)")
        let search = try #require(server.requests.last { $0.path == "/api/traces" })
        #expect(search.query["service"] == "payment" && search.query["minDuration"] == "500000us", "\(search.query)")
        let show = try TrexBinary.run(["show", "4424642080facb2cace39cc35befddba", "--source", source, "--since", "1m"])
        #expect(show.status == 0 && show.stdout.contains("POST https://api.payments.example/v1/charges"), "\(show.stdout)\(show.stderr)")
        #expect(server.violations.isEmpty, "\(server.violations)")
    }

    @Test func aFailingBackendIsSaidAndExitsOne() throws {
        let server = try Self.jaeger(.init(status: 503, body: Array("no healthy upstream".utf8)))
        defer { server.stop() }
        let run = try TrexBinary.run(["list", "--source", "jaeger+\(server.baseURL)"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("HTTP 503: no healthy upstream") && run.stderr.contains("/api/traces?service=frontend"),
                "\(run.stderr)")
    }

    @Test func aTokenFromTheEnvironmentIsSentNeverPrinted() throws {
        let server = try Self.jaeger(.init(status: 401, body: Array("bad token".utf8)))
        defer { server.stop() }
        let run = try TrexBinary.run(["list", "--source", "jaeger+\(server.baseURL)", "--header-from-env", "Authorization=TREX_TEST_AUTH"],
                                     environment: ["TREX_TEST_AUTH": "Bearer very-secret"])
        #expect(run.status == 1)
        #expect(!(run.stdout + run.stderr).contains("very-secret"))
        #expect(server.requests.first?.headers["authorization"] == "Bearer very-secret")
        let missing = try TrexBinary.run(["list", "--source", "jaeger+\(server.baseURL)", "--header-from-env", "Authorization=TREX_NOT_SET"])
        #expect(missing.status == 2 && missing.stderr.contains("the environment has no TREX_NOT_SET"), "\(missing.stderr)")
        let bad = try TrexBinary.run(["list", "--source", "honeycomb+http://x"])
        #expect(bad.status == 2 && bad.stderr.contains("not a backend trex reads"), "\(bad.stderr)")
    }
}

/// Named sources in the config file: `--source NAME` and `trex sources`.
@Suite(.serialized) struct NamedSourceCLITests {
    @Test func aNamedSourceIsOpenedAndChecked() throws {
        let server = try RemoteSourceCLITests.jaeger()
        defer { server.stop() }
        let directory = TemporaryDirectory()
        let config = directory.file("config.toml")
        try Data("""
            [sources.prod]
            url = "jaeger+\(server.baseURL)"
            headers_from_env = { Authorization = "TREX_TEST_PROD_AUTH" }
            tenant = "team-a"
            timeout = 5

            [sources.gone]
            url = "zipkin+http://127.0.0.1:1"
            """.utf8).write(to: URL(fileURLWithPath: config))
        let environment = ["TREX_CONFIG": config, "TREX_TEST_PROD_AUTH": "Bearer named-secret"]
        let list = try TrexBinary.run(["list", "--source", "prod", "--since", "3650d"], environment: environment)
        #expect(list.status == 0 && list.stdout.contains("GET /checkout"), "\(list.stdout)\(list.stderr)")
        let sent = try #require(server.requests.first)
        #expect(sent.headers["authorization"] == "Bearer named-secret" && sent.headers["x-scope-orgid"] == "team-a")

        let sources = try TrexBinary.run(["sources"], environment: environment)
        #expect(sources.status == 1, "one source is down")
        let prod = try #require(sources.stdout.split(separator: "\n").first { $0.hasPrefix("prod") })
        #expect(prod.contains("jaeger") && prod.contains("reachable, 1 service"), "\(prod)")
        let gone = try #require(sources.stdout.split(separator: "\n").first { $0.hasPrefix("gone") })
        #expect(gone.contains("connection refused"), "\(gone)")
        #expect(!(sources.stdout + sources.stderr).contains("named-secret"))

        let unknown = try TrexBinary.run(["list", "--source", "staging"], environment: environment)
        #expect(unknown.status == 2 && unknown.stderr.contains("no such source in the config file (it has gone, prod)"), "\(unknown.stderr)")
    }

    @Test func aBadSourceTableSaysWhere() throws {
        let directory = TemporaryDirectory()
        let config = directory.file("config.toml")
        try Data("theme = \"dark\"\n\n[sources.prod]\nurl = \"prometheus+http://x:9090\"\n".utf8).write(to: URL(fileURLWithPath: config))
        let run = try TrexBinary.run(["sources"], environment: ["TREX_CONFIG": config])
        #expect(run.status == 1 && run.stderr.contains("line 3") && run.stderr.contains("not a backend trex reads"), "\(run.stderr)")
    }
}

/// `trex metrics` over Tempo: the series are Tempo's own (`/api/metrics/query_range`), not
/// counted from the traces trex fetched.
@Suite(.serialized) struct TempoMetricsCLITests {
    @Test func aMetricsQueryDrawsTemposAnswer() throws {
        let now = Int64(Date().timeIntervalSince1970)
        let archive = FakeTraceArchive(count: 3, end: (now - 120) * 1_000_000)
        // Tempo's answer: one series per service, a sample a minute (proto3 JSON, int64 as strings).
        let samples = (1...3).map { #"{"timestampMs": "\#((now - 60 * Int64($0)) * 1000)", "value": \#(Double($0) * 2.5)}"# }
        let server = try FakeBackendServer(routes: [
            .init("/api/search", accepted: ["q", "limit", "start", "end", "spss"]) { archive.tempoSearch($0) },
            .init("/api/v2/traces/{id}") { archive.tempoTraceByID($0) },
            .init("/api/metrics/query_range", required: ["q"], accepted: ["q", "start", "end", "step"]) { _ in
                .json(#"{"series": [{"labels": [{"key": "resource.service.name", "value": {"stringValue": "ledger"}}], "samples": [\#(samples.joined(separator: ","))]}], "metrics": {}}"#)
            },
        ])
        defer { server.stop() }
        let run = try TrexBinary.run(["metrics", "{ } | rate() by (resource.service.name)", "--source", "tempo+\(server.baseURL)",
                                      "--step", "1m", "--no-cache"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(server.violations.isEmpty, "\(server.violations)")
        let asked = try #require(server.requests.first { $0.path == "/api/metrics/query_range" })
        #expect(asked.query["q"] == "{ } | rate() by (resource.service.name)" && asked.query["step"] == "1m", "\(asked.query)")
        // "ledger" is no service of the fetched traces: only Tempo could have said it.
        #expect(run.stdout.contains("ledger"), "\(run.stdout)")
        #expect(run.stderr.contains("the series are Tempo's"), "\(run.stderr)")
    }
}
