import Foundation
import Testing
import TestSupport
import TraceAnalysis
import TraceModel
import TraceStore
@testable import TraceWorkspace

/// `trex lint` over the bundled samples (docs/samples), as the workspace runs it: exactly the
/// findings the samples deserve, the same from memory and from a store, and per trace.
@Suite struct WorkspaceLintTests {
    static let samples: SpanTable = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/samples")
        return TraceLoader.load([root.path]).table
    }()

    /// Every finding on the samples, each a true positive. scripts/gen-samples.py writes the
    /// attributes older instrumentation libraries wrote (the primer's era), so each name that
    /// the conventions (1.44.0) have since renamed is reported once, with its replacement; and
    /// the `n-plus-one` scenario is a loop of 30 queries under one request, in every format
    /// (Zipkin's copy lower-cases span names, so its request is another operation). A new
    /// finding here is either a regression of a rule or a sample to fix: decide which.
    static let expected: Set<String> = [
        // HTTP (gen-samples.py's http_server / http_client and the frontend's user agent).
        "deprecated-attribute: http.method",            // → http.request.method
        "deprecated-attribute: http.status_code",       // → http.response.status_code
        "deprecated-attribute: http.scheme",            // → url.scheme
        "deprecated-attribute: http.target",            // split into url.path and url.query
        "deprecated-attribute: http.url",               // → url.full
        "deprecated-attribute: http.user_agent",        // → user_agent.original
        "deprecated-attribute: net.host.port",          // → server.port
        "deprecated-attribute: net.peer.name",          // → server.address
        "deprecated-attribute: net.peer.port",          // → server.port
        // Databases (gen-samples.py's database.query spans).
        "deprecated-attribute: db.system",              // → db.system.name
        "deprecated-attribute: db.name",                // → db.namespace
        "deprecated-attribute: db.operation",           // → db.operation.name
        "deprecated-attribute: db.sql.table",           // → db.collection.name
        "deprecated-attribute: db.statement",           // → db.query.text
        // Messaging (order-pipeline's Kafka producer and consumer).
        "deprecated-attribute: messaging.operation",    // → messaging.operation.type
        "deprecated-attribute: messaging.kafka.consumer.group",   // → messaging.consumer.group.name
        "deprecated-attribute: messaging.kafka.message.offset",   // → messaging.kafka.offset
        // The resource of every service.
        "deprecated-attribute: deployment.environment", // → deployment.environment.name
        // n-plus-one: 30 identical queries one after the other under one request (OTLP, OTLP JSON
        // Lines, Jaeger) ...
        "spans-in-loop: checkout \"database.query\" under \"GET /api/orders\"",
        // ... and Zipkin's copy, whose names are lower case.
        "spans-in-loop: checkout \"database.query\" under \"get /api/orders\"",
    ]

    static func described(_ report: LintReport) -> Set<String> {
        Set(report.findings.map { "\($0.rule.rawValue): \($0.subject)" })
    }

    @Test func theSamplesHaveExactlyTheirKnownFindings() throws {
        let report = try Workspace(files: TraceCatalog(table: Self.samples), store: nil).lint()
        let found = Self.described(report)
        #expect(found.subtracting(Self.expected).isEmpty, "new findings: \(found.subtracting(Self.expected).sorted())")
        #expect(Self.expected.subtracting(found).isEmpty, "lost findings: \(Self.expected.subtracting(found).sorted())")
        #expect(report.traces == 24 && report.spans == Self.samples.spans.count)
        #expect(report.findings(atLeast: .error).isEmpty, "trex lint docs/samples exits 0 by default")

        // 31 siblings a loop: the order list's query and the 30 item queries are all named
        // "database.query" (the rule groups siblings by name, not by statement).
        let loops = try #require(report.findings.first { $0.subject == "checkout \"database.query\" under \"GET /api/orders\"" })
        #expect(loops.occurrences == 3 && loops.traces == 3)
        #expect(loops.message.contains("3 loops of sibling spans (93 spans in 3 traces"), "\(loops.message)")
        #expect(loops.message.contains("one span per loop would save 90 spans"), "\(loops.message)")
        let statement = try #require(report.findings.first { $0.subject == "db.statement" })
        #expect(statement.message.contains("use db.query.text"))
    }

    @Test func aStoreFindsWhatMemoryFinds() throws {
        let directory = TemporaryDirectory()
        let store = try PersistentStore.open(at: directory.file("samples.sqlite"), create: true)
        try StoreImporter(store: store).add(Self.samples)
        let fromStore = try Workspace(files: nil, store: store).lint()
        let inMemory = try Workspace(files: TraceCatalog(table: Self.samples), store: nil).lint()
        #expect(Self.described(fromStore) == Self.described(inMemory))
        #expect(Set(fromStore.findings.map { "\($0.subject) \($0.occurrences) \($0.traces)" })
                    == Set(inMemory.findings.map { "\($0.subject) \($0.occurrences) \($0.traces)" }))
    }

    @Test func eachTraceFindsItsShareOfTheLoops() throws {
        let workspace = Workspace(files: TraceCatalog(table: Self.samples), store: nil)
        var loops = 0
        for trace in Self.samples.traces {
            let report = try #require(try workspace.lint(trace.traceID))
            #expect(report.traces == 1)
            #expect(Self.described(report).isSubset(of: Self.expected), "\(trace.traceID.hex)")
            loops += report.findings.filter { $0.rule == .spansInLoop }.map(\.occurrences).reduce(0, +)
        }
        #expect(loops == 4)
    }
}
