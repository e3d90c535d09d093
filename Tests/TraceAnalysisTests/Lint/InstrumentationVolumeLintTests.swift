import Testing
import TraceModel
import TestSupport
@testable import TraceAnalysis

/// Over-instrumentation: spans-in-loop and high-cardinality-name.
@Suite struct InstrumentationVolumeLintTests {
    /// A request of checkout running `count` queries one after the other under its root, and
    /// `others` spans of other names beside them.
    static func loop(_ f: inout LintTraces, _ trace: String, count: Int, name: String = "SELECT orders",
                     others: [String] = [], parent: String = "GET /orders") {
        f.inTrace(trace)
        f.span("\(trace)-root", service: "checkout", name: parent, start: 0, end: 1_000, kind: .server)
        for i in 0..<count {
            f.span("\(trace)-q\(i)", parent: "\(trace)-root", service: "checkout", name: name, start: Int64(i) * 10,
                   end: Int64(i) * 10 + 8, kind: .client)
        }
        for (i, other) in others.enumerated() {
            f.span("\(trace)-o\(i)", parent: "\(trace)-root", service: "checkout", name: other, start: 900, end: 990)
        }
    }

    // MARK: spans-in-loop

    @Test func manySameNameSiblingsUnderOneParentAreALoop() throws {
        var f = LintTraces()
        Self.loop(&f, "a", count: 12, others: ["render"])   // 12 of 14 spans
        Self.loop(&f, "b", count: 10)                        // 10 of 11 spans: 91%
        let report = lint(f)
        #expect(report.of(.spansInLoop).count == 1, "\(report.described)")
        let subject = "checkout \"SELECT orders\" under \"GET /orders\""
        let finding = try #require(report.finding(.spansInLoop, subject))
        expectFinding(finding, .spansInLoop, level: .warning, subject: subject, occurrences: 2, traces: 2,
                      services: ["checkout"],
                      message: ["2 loops of sibling spans (22 spans in 2 traces, up to 91% of a trace's spans)",
                                "one span per loop would save 20 spans"])
        #expect(finding.operations == ["SELECT orders"])
    }

    @Test func oneLoopIsCountedOnce() throws {
        var f = LintTraces()
        Self.loop(&f, "a", count: 30)
        let finding = try #require(lint(f).of(.spansInLoop).first)
        #expect(finding.occurrences == 1 && finding.traces == 1)
        #expect(finding.message.contains("one loop of sibling spans (30 spans in 1 trace, up to 97% of a trace's spans)"),
                "\(finding.message)")
        #expect(finding.message.contains("would save 29 spans"))
    }

    @Test func fewerThanTenSiblingsOrSiblingsOfManyNamesOrUnderManyParentsAreNoLoop() {
        var f = LintTraces()
        Self.loop(&f, "nine", count: 9)
        // Ten children, five and five of two names.
        Self.loop(&f, "mixed", count: 5, name: "SELECT a", others: ["SELECT b", "SELECT b", "SELECT b", "SELECT b",
                                                                   "SELECT b"])
        // Ten queries of one name, five under each of two parents.
        f.inTrace("split")
        f.span("split-root", service: "checkout", name: "GET /orders", end: 1_000, kind: .server)
        for p in 0..<2 {
            f.span("split-p\(p)", parent: "split-root", service: "checkout", name: "page", end: 1_000)
            for i in 0..<5 {
                f.span("split-\(p)-\(i)", parent: "split-p\(p)", service: "checkout", name: "SELECT orders",
                       start: Int64(i) * 10, end: Int64(i) * 10 + 8, kind: .client)
            }
        }
        let report = lint(f)
        #expect(report.of(.spansInLoop).isEmpty, "\(report.described)")
    }

    // MARK: high-cardinality-name

    @Test func namesEmbeddingIdsAreHighCardinality() throws {
        var f = LintTraces()
        f.inTrace("jobs")
        for (i, name) in ["process_12345", "process_12346", "process_99812", "process_12345"].enumerated() {
            f.span("job\(i)", service: "worker", name: name, start: Int64(i) * 10, end: Int64(i) * 10 + 5)
        }
        f.inTrace("users")
        for (i, name) in ["GET /users/8812", "GET /users/8813", "GET /users/1234"].enumerated() {
            f.span("user\(i)", service: "api", name: name, start: Int64(i) * 10, end: Int64(i) * 10 + 5, kind: .server)
        }
        f.inTrace("orders")
        for (i, name) in ["order 3f2504e0-4f89-11d3-9a0c-0305e82c3301", "order 6ba7b810-9dad-11d1-80b4-00c04fd430c8",
                          "order 9c5b94b1-35ad-49bb-b118-8e8fc24abf80"].enumerated() {
            f.span("order\(i)", service: "orders", name: name, start: Int64(i) * 10, end: Int64(i) * 10 + 5)
        }
        let report = lint(f)
        #expect(report.of(.highCardinalityName).count == 3, "\(report.described)")

        let process = try #require(report.finding(.highCardinalityName, "worker \"process_{id}\""))
        expectFinding(process, .highCardinalityName, level: .warning, subject: "worker \"process_{id}\"", occurrences: 4,
                      traces: 1, services: ["worker"],
                      message: ["worker names its spans with ids in them: 3 names of the shape \"process_{id}\"",
                                "(\"process_12345\", \"process_12346\", \"process_99812\", …) over 4 spans"])
        let users = try #require(report.finding(.highCardinalityName, "api \"GET /users/{id}\""))
        expectFinding(users, .highCardinalityName, level: .warning, subject: "api \"GET /users/{id}\"", occurrences: 3,
                      traces: 1, services: ["api"], message: ["3 names of the shape \"GET /users/{id}\""])
        let orders = try #require(report.finding(.highCardinalityName, "orders \"order {id}\""))
        expectFinding(orders, .highCardinalityName, level: .warning, subject: "orders \"order {id}\"", occurrences: 3,
                      traces: 1, services: ["orders"], message: ["3 names of the shape \"order {id}\""])
    }

    @Test func versionsHashesAndProtocolsAreNotIds() {
        for name in ["GET /api/v2/orders", "sha256", "http2", "GET /api/v3/items", "HTTP/1.1 GET", "grpc.health.v1",
                     "md5 checksum", "s3 PutObject", "base64 decode", "oauth2 token"] {
            #expect(NameShapeLint.shape(of: name) == nil, "\(name)")
        }
        #expect(NameShapeLint.shape(of: "GET /users/8812") == "GET /users/{id}")
        #expect(NameShapeLint.shape(of: "process_12345") == "process_{id}")
        #expect(NameShapeLint.shape(of: "user12345 login") == "{id} login")
        #expect(NameShapeLint.shape(of: "blob 5f2b9c0e1a7d") == "blob {id}")

        var f = LintTraces()
        for (i, name) in ["GET /api/v2/orders", "GET /api/v3/orders", "GET /api/v4/orders", "sha256", "http2"].enumerated() {
            f.span("s\(i)", service: "api", name: name, start: Int64(i) * 10, end: Int64(i) * 10 + 5)
        }
        // Two names of a shape in each of two services: under the threshold in each.
        for (i, (service, name)) in [("a", "job 1001"), ("a", "job 1002"), ("b", "job 1003"), ("b", "job 1004")].enumerated() {
            f.span("j\(i)", service: service, name: name, start: Int64(i) * 10, end: Int64(i) * 10 + 5)
        }
        let report = lint(f)
        #expect(report.of(.highCardinalityName).isEmpty, "\(report.described)")
    }
}
