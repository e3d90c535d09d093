import Testing
import TraceModel
import TestSupport
@testable import TraceAnalysis

/// Semantic conventions: deprecated-attribute, non-conventional-attribute, attribute-type,
/// missing-required-attribute.
@Suite struct ConventionsLintTests {
    // MARK: deprecated-attribute

    @Test func deprecatedNamesAreFlaggedWithTheirReplacement() throws {
        var f = LintTraces()
        f.inTrace("a")
        f.span("get", service: "api", name: "GET /users/{id}", kind: .server,
               attributes: ["http.request.method": .string("GET"), "http.route": .string("/users/{id}"),
                            "http.status_code": .int(200)])
        f.inTrace("b")
        f.span("post", service: "api", name: "POST /users", start: 100, end: 110, kind: .server,
               attributes: ["http.request.method": .string("POST"), "http.route": .string("/users"),
                            "http.status_code": .int(201)])
        f.span("query", parent: "post", service: "db-proxy", name: "INSERT users", start: 101, end: 109, kind: .client,
               attributes: ["db.system.name": .string("postgresql"), "db.statement": .string("INSERT INTO users")])
        let report = lint(f)
        #expect(report.of(.deprecatedAttribute).count == 2, "\(report.described)")

        let status = try #require(report.finding(.deprecatedAttribute, "http.status_code"))
        expectFinding(status, .deprecatedAttribute, level: .warning, subject: "http.status_code", occurrences: 2,
                      traces: 2, services: ["api"],
                      message: ["http.status_code is deprecated in the semantic conventions (\(SemanticConventions.version))",
                                "use http.response.status_code", "On 2 spans of api."])
        let statement = try #require(report.finding(.deprecatedAttribute, "db.statement"))
        expectFinding(statement, .deprecatedAttribute, level: .warning, subject: "db.statement", occurrences: 1,
                      traces: 1, services: ["db-proxy"], message: ["use db.query.text", "On 1 span of db-proxy."])
        #expect(report.of(.attributeType).isEmpty, "an int status code has the right type")
    }

    @Test func aDeprecatedResourceAttributeCountsEverySpanOfTheResource() throws {
        var f = LintTraces()
        for i in 0..<3 {
            f.span("s\(i)", service: "api", name: "work", start: Int64(i) * 10, end: Int64(i) * 10 + 5,
                   attributes: ["job.id": .int(Int64(i))], resource: ["deployment.environment": .string("prod")])
        }
        let finding = try #require(lint(f).finding(.deprecatedAttribute, "deployment.environment"))
        expectFinding(finding, .deprecatedAttribute, level: .warning, subject: "deployment.environment", occurrences: 3,
                      traces: 1, services: ["api"], message: ["use deployment.environment.name", "On 3 spans of api."])
    }

    @Test func currentNamesAreNotDeprecated() {
        var f = LintTraces()
        f.span("get", service: "api", name: "GET /", kind: .server,
               attributes: ["http.request.method": .string("GET"), "http.route": .string("/"),
                            "http.response.status_code": .int(200)],
               resource: ["deployment.environment.name": .string("prod")])
        f.span("q", parent: "get", service: "api", name: "SELECT users", kind: .client,
               attributes: ["db.system.name": .string("postgresql"), "db.query.text": .string("SELECT 1")])
        let report = lint(f)
        #expect(report.of(.deprecatedAttribute).isEmpty, "\(report.described)")
    }

    @Test func attributesMovedToTheGenAIRegistryAreNotDeprecated() {
        var f = LintTraces()
        f.span("chat", service: "agent", name: "chat gpt-4o", kind: .client, attributes: [
            "gen_ai.operation.name": .string("chat"), "gen_ai.request.model": .string("gpt-4o"),
            "gen_ai.provider.name": .string("openai"), "gen_ai.usage.input_tokens": .int(120),
            "mcp.method.name": .string("tools/call"),
        ])
        let report = lint(f)
        #expect(report.findings.isEmpty, "\(report.described)")
    }

    // MARK: non-conventional-attribute

    @Test func homemadeNamesThatLookLikeConventionsAreFlagged() throws {
        var f = LintTraces()
        f.span("a", service: "shop", name: "handle", attributes: [
            "my_http_code": .int(200), "url": .string("https://shop.example/cart"),
            "db_query": .string("SELECT * FROM carts"), "httpStatusCode": .int(200),
        ])
        f.span("b", parent: "a", service: "shop", name: "render", attributes: ["my_http_code": .int(404)])
        let report = lint(f)
        #expect(report.of(.nonConventionalAttribute).count == 4, "\(report.described)")
        let expected: [(String, String, Int)] = [
            ("my_http_code", "http.response.status_code", 2), ("url", "url.full", 1), ("db_query", "db.query.text", 1),
            ("httpStatusCode", "http.response.status_code", 1),
        ]
        for (name, suggestion, spans) in expected {
            let finding = try #require(report.finding(.nonConventionalAttribute, name))
            expectFinding(finding, .nonConventionalAttribute, level: .warning, subject: name, occurrences: spans,
                          traces: 1, services: ["shop"],
                          message: ["\(name) is not a semantic convention but looks like \(suggestion).",
                                    "On \(SpanLabel.count(spans, "span")) of shop."])
        }
    }

    @Test func applicationNamespacesAndAmbiguousNamesAreNotFlagged() {
        var f = LintTraces()
        f.span("a", service: "shop", name: "handle", attributes: [
            "app.user.id": .string("u-1"), "method": .string("charge"), "retry.attempt": .int(2),
            "app.cart.items": .int(3), "route": .string("/cart"), "order.id": .string("o-1"),
        ])
        let report = lint(f)
        #expect(report.of(.nonConventionalAttribute).isEmpty, "\(report.described)")
    }

    @Test func formatKeysAreLeftAlone() {
        var f = LintTraces()
        f.span("a", service: "shop", name: "handle", attributes: [
            "otel.scope.name": .string("x"), "otel.status_code": .string("ERROR"), "internal.span.format": .string("jaeger"),
            "span.kind": .string("server"), "sampler.type": .string("const"), "sampler.param": .bool(true),
            "job.id": .int(1),
        ], resource: ["jaeger.version": .string("Go-2.30"), "hostname": .string("web-1"), "ip": .string("10.0.0.1"),
                      "client-uuid": .string("abc")])
        let report = lint(f)
        #expect(report.findings.isEmpty, "\(report.described)")
    }

    // MARK: attribute-type

    @Test func aConventionalAttributeOfTheWrongTypeIsFlagged() throws {
        var f = LintTraces()
        f.span("a", service: "api", name: "GET /", kind: .server,
               attributes: ["http.request.method": .string("GET"), "http.route": .string("/"),
                            "http.response.status_code": .string("200")])
        f.span("b", parent: "a", service: "api", name: "GET /health", kind: .client,
               attributes: ["http.request.method": .string("GET"), "http.status_code": .string("503"),
                            "server.port": .double(8080.0)])
        let report = lint(f)
        #expect(report.of(.attributeType).count == 3, "\(report.described)")
        let status = try #require(report.finding(.attributeType, "http.response.status_code (string)"))
        expectFinding(status, .attributeType, level: .warning, subject: "http.response.status_code (string)",
                      occurrences: 1, traces: 1, services: ["api"],
                      message: ["http.response.status_code holds a string; the conventions make it int. On 1 span of api."])
        // A deprecated name is checked too: it is both deprecated and of the wrong type.
        let old = try #require(report.finding(.attributeType, "http.status_code (string)"))
        #expect(old.message.contains("http.status_code holds a string; the conventions make it int"))
        #expect(report.finding(.deprecatedAttribute, "http.status_code") != nil)
        let port = try #require(report.finding(.attributeType, "server.port (double)"))
        #expect(port.message.contains("server.port holds a double; the conventions make it int"), "\(port.message)")
    }

    @Test func zipkinTagsAreStringsByFormatAndRightTypesAreFine() {
        var f = LintTraces()
        f.span("z", service: "api", name: "get /", kind: .server,
               attributes: ["http.request.method": .string("GET"), "http.route": .string("/"),
                            "http.response.status_code": .string("200"), "server.port": .string("8080")],
               markers: .stringValuedTags)
        f.span("o", parent: "z", service: "api", name: "GET /x", kind: .client,
               attributes: ["http.request.method": .string("GET"), "http.response.status_code": .int(200),
                            "http.request.resend_count": .int(1), "url.full": .string("http://x/")])
        let report = lint(f)
        #expect(report.of(.attributeType).isEmpty, "\(report.described)")
    }

    // MARK: missing-required-attribute

    @Test func httpServerSpansNeedAMethodAndARouteHTTPClientsAMethodDatabaseClientsASystem() throws {
        var f = LintTraces()
        f.span("no-route", service: "api", name: "GET", kind: .server,
               attributes: ["http.request.method": .string("GET"), "http.response.status_code": .int(200)])
        f.span("no-method", service: "api", name: "GET /users", start: 20, end: 30, kind: .server,
               attributes: ["http.route": .string("/users"), "url.path": .string("/users")])
        f.span("client", parent: "no-route", service: "api", name: "GET", kind: .client,
               attributes: ["url.full": .string("http://auth/check"), "http.response.status_code": .int(200)])
        f.span("db", parent: "no-route", service: "api", name: "SELECT users", kind: .client,
               attributes: ["db.query.text": .string("SELECT * FROM users")])
        f.span("db2", parent: "no-route", service: "api", name: "SELECT users", kind: .client,
               attributes: ["db.query.text": .string("SELECT * FROM users"), "db.namespace": .string("app")])
        let report = lint(f)
        #expect(report.of(.missingRequiredAttribute).count == 4, "\(report.described)")
        let route = try #require(report.finding(.missingRequiredAttribute, "api: HTTP server spans without http.route"))
        expectFinding(route, .missingRequiredAttribute, level: .warning, subject: "api: HTTP server spans without http.route",
                      occurrences: 1, traces: 1, services: ["api"],
                      message: ["api: HTTP server spans without http.route: 1 span (HTTP server spans need http.route"])
        #expect(route.examples.map(\.spanID) == [TraceFixture.id("no-route")])
        let method = try #require(report.finding(.missingRequiredAttribute,
                                                 "api: HTTP server spans without http.request.method"))
        #expect(method.examples.map(\.spanID) == [TraceFixture.id("no-method")])
        let client = try #require(report.finding(.missingRequiredAttribute,
                                                 "api: HTTP client spans without http.request.method"))
        #expect(client.occurrences == 1 && client.message.contains("HTTP client spans need http.request.method"))
        let db = try #require(report.finding(.missingRequiredAttribute,
                                             "api: database client spans without db.system.name"))
        expectFinding(db, .missingRequiredAttribute, level: .warning, subject: "api: database client spans without db.system.name",
                      occurrences: 2, traces: 1, services: ["api"],
                      message: ["2 spans (database client spans need db.system.name to be grouped and searched)"])
    }

    @Test func olderNamesCountAsPresentAndOtherKindsNeedNothing() {
        var f = LintTraces()
        f.span("server", service: "api", name: "GET /users", kind: .server,
               attributes: ["http.method": .string("GET"), "http.route": .string("/users")])
        f.span("client", parent: "server", service: "api", name: "GET", kind: .client,
               attributes: ["http.method": .string("GET"), "http.url": .string("http://auth/check")])
        f.span("db", parent: "server", service: "api", name: "SELECT users", kind: .client,
               attributes: ["db.system": .string("postgresql"), "db.statement": .string("SELECT 1")])
        f.span("internal", parent: "server", service: "api", name: "render", attributes: ["http.route": .string("/x")])
        f.span("consumer", service: "api", name: "orders process", kind: .consumer,
               attributes: ["url.full": .string("http://x/")])
        f.span("rpc", service: "api", name: "grpc.Check", kind: .server, attributes: ["rpc.method": .string("Check")])
        let report = lint(f)
        #expect(report.of(.missingRequiredAttribute).isEmpty, "\(report.described)")
    }
}
