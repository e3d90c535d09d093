import Testing
import TraceModel
import TestSupport
@testable import TraceAnalysis

/// The report as a whole: instrumentation that follows the current conventions finds nothing,
/// every rule has a level, category and fix, and the report is the same however the traces
/// are handed to the accumulator.
@Suite struct LintAccumulatorTests {
    /// A shop instrumented as the conventions ask: HTTP server spans with a method, a route and
    /// an integer status code; HTTP clients with a method, `url.full` and `server.address`;
    /// database clients with `db.system.name` and `db.query.text`; a parent-based sampler
    /// (every span sampled, servers' parents remote by the OTLP flags); a failure recorded as
    /// an exception event.
    static func conventional(failing: Bool = true) -> SpanTable {
        var f = LintTraces()
        for n in 0..<3 {
            let at = Int64(n) * 1_000
            let fails = failing && n == 2
            f.inTrace("request-\(n)")
            f.span("web-\(n)", service: "frontend", name: "GET /checkout", start: at, end: at + 200, kind: .server,
                   status: fails ? .error : .unset,
                   attributes: ["http.request.method": .string("GET"), "http.route": .string("/checkout"),
                                "http.response.status_code": .int(fails ? 500 : 200), "url.path": .string("/checkout"),
                                "url.scheme": .string("https"), "user_agent.original": .string("curl/8.5.0")],
                   resource: ["deployment.environment.name": .string("prod"), "service.version": .string("1.4.2")],
                   flags: Flags.localParent | Flags.sampled)
            f.span("call-\(n)", parent: "web-\(n)", service: "frontend", name: "POST", start: at + 10, end: at + 190,
                   kind: .client, status: fails ? .error : .unset,
                   attributes: ["http.request.method": .string("POST"),
                                "url.full": .string("http://checkout:8080/api/checkout"),
                                "server.address": .string("checkout"), "server.port": .int(8080),
                                "http.response.status_code": .int(fails ? 500 : 200)],
                   resource: ["deployment.environment.name": .string("prod"), "service.version": .string("1.4.2")],
                   flags: Flags.localParent | Flags.sampled)
            f.span("api-\(n)", parent: "call-\(n)", service: "checkout", name: "POST /api/checkout", start: at + 20,
                   end: at + 180, kind: .server, status: fails ? .error : .unset,
                   attributes: ["http.request.method": .string("POST"), "http.route": .string("/api/checkout"),
                                "http.response.status_code": .int(fails ? 500 : 200)],
                   flags: Flags.remoteParent | Flags.sampled)
            f.span("db-\(n)", parent: "api-\(n)", service: "checkout", name: "SELECT shop.orders", start: at + 30,
                   end: at + 60, kind: .client,
                   attributes: ["db.system.name": .string("postgresql"), "db.namespace": .string("shop"),
                                "db.collection.name": .string("orders"), "db.operation.name": .string("SELECT"),
                                "db.query.text": .string("SELECT * FROM orders WHERE id = $1"),
                                "server.address": .string("db"), "server.port": .int(5432)],
                   flags: Flags.localParent | Flags.sampled)
            f.span("validate-\(n)", parent: "api-\(n)", service: "checkout", name: "validate cart", start: at + 70,
                   end: at + 170, status: fails ? .error : .unset, attributes: ["app.cart.items": .int(3)],
                   events: fails ? [.init(name: "exception", attributes: [
                       "exception.type": .string("CartError"), "exception.message": .string("cart is empty"),
                   ])] : [],
                   flags: Flags.localParent | Flags.sampled)
        }
        return f.build()
    }

    @Test func instrumentationFollowingTheCurrentConventionsHasNoFinding() {
        let report = lint(Self.conventional())
        #expect(report.findings.isEmpty, "\(report.described)")
        #expect(report.traces == 3 && report.spans == 15)
    }

    @Test func everyRuleHasALevelACategoryAndAFix() {
        #expect(LintRule.allCases.count == 14)
        let categories = Set(LintRule.allCases.map(\.category))
        #expect(categories == ["context propagation", "sampling consistency", "over-instrumentation",
                               "semantic conventions", "context-poor spans"])
        #expect(LintRule.allCases.filter { $0.level == .error } == [.brokenPropagation, .sampledFlagMismatch,
                                                                    .perServiceSampling])
        #expect(LintRule.allCases.filter { $0.level == .info } == [.contextPoorSpan])
        for rule in LintRule.allCases {
            #expect(!rule.fix.isEmpty && rule.fix.hasSuffix("."), "\(rule.rawValue)")
        }
    }

    // MARK: The same report however the traces arrive

    /// A set with a finding of every rule.
    static func everything() -> SpanTable {
        var f = LintTraces()
        let peer: [String: AttributeValue] = ["peer.service": .string("payment")]
        PropagationLintTests.brokenCall(&f, peer: peer)
        PropagationLintTests.connectedCall(&f, 1, peer: peer)
        PropagationLintTests.connectedCall(&f, 2, peer: peer)
        f.inTrace("orphan")
        f.span("orphan", parent: "gone", service: "worker", name: "process", start: 3_000, end: 3_010)
        f.inTrace("payment-root")
        f.span("payment-root", service: "payment", name: "POST /charge", start: 4_000, end: 4_010, kind: .server)
        SamplingLintTests.call(&f, 5, serverFlags: Flags.remoteParent | Flags.notSampled,
                               client: ["sampling.priority": .int(1)], server: ["sampling.priority": .int(0)])
        SamplingLintTests.call(&f, 6)
        f.inTrace("lonely")
        f.span("lonely-root", service: "web", name: "GET /invoice", start: 7_000, end: 7_100, kind: .server)
        f.span("lonely-call", parent: "lonely-root", service: "web", name: "GET /bill", start: 7_010, end: 7_090,
               kind: .client, attributes: ["peer.service": .string("billing")])
        InstrumentationVolumeLintTests.loop(&f, "loop", count: 12)
        f.inTrace("names")
        for (i, name) in ["process_12345", "process_12346", "process_99812"].enumerated() {
            f.span("job\(i)", service: "worker", name: name, start: 8_000 + Int64(i) * 10, end: 8_005 + Int64(i) * 10,
                   kind: .client, status: .error,
                   attributes: ["http.status_code": .string("x"), "my_http_code": .int(1),
                                "db.query.text": .string("SELECT 1")])
        }
        f.span("tick", service: "worker", name: "tick", start: 8_100, end: 8_110)
        return f.build()
    }

    static let whole = lint(everything())

    @Test func theMixedSetHasAFindingOfEveryRule() {
        #expect(Set(Self.whole.findings.map(\.rule)) == Set(LintRule.allCases), "\(Self.whole.described)")
    }

    @Test func oneTableOrOneTraceAtATimeIntoOneAccumulatorGiveTheSameReport() {
        let table = Self.everything()
        let index = TraceSetIndex(table)
        var accumulator = LintAccumulator()
        for t in table.traces.indices { accumulator.add(table, traces: [t], index: index) }
        let pieces = accumulator.finish()
        #expect(pieces.findings == Self.whole.findings, "\(pieces.described)")
        #expect(pieces.traces == Self.whole.traces && pieces.spans == Self.whole.spans)
    }

    @Test func twoBatchesGiveTheSameReportWhenNoCallCrossesThem() {
        let table = Self.everything()
        // The broken call's two traces stay in one batch: calls across traces are matched within a table.
        let first = table.traces.indices.filter { t in
            let id = table.traces[t].traceID
            return id == StableHash.traceID(for: "caller") || id == StableHash.traceID(for: "callee")
                || t < table.traces.count / 2
        }
        let second = table.traces.indices.filter { !first.contains($0) }
        var accumulator = LintAccumulator()
        accumulator.add(table.copying(traces: first))
        accumulator.add(table.copying(traces: second))
        let batches = accumulator.finish()
        #expect(Set(batches.findings.map(Summary.init)) == Set(Self.whole.findings.map(Summary.init)),
                "\(batches.described)")
    }

    /// What does not depend on the order traces arrive in.
    struct Summary: Hashable {
        var rule: LintRule, subject: String, occurrences: Int, traces: Int, services: Set<String>
        init(_ f: LintFinding) {
            rule = f.rule
            subject = f.subject
            occurrences = f.occurrences
            traces = f.traces
            services = Set(f.services)
        }
    }

    /// The per-trace path (`AnalysisSubject.lint`: one trace, its calls matched in the whole
    /// table): the rules that judge a trace on its own find, summed over the traces, what the
    /// whole set finds; a broken call is reported in both its traces.
    @Test func theFindingsOfEachTraceAddUpToTheWholeSet() {
        let table = Self.everything()
        let index = TraceSetIndex(table)
        let perTrace: Set<LintRule> = [.lostParent, .sampledFlagMismatch, .samplingPriorityDisagreement, .spansInLoop,
                                       .deprecatedAttribute, .nonConventionalAttribute, .attributeType,
                                       .missingRequiredAttribute, .errorWithoutDetail]
        var summed: [String: Int] = [:]
        var broken: [TraceID] = []
        for t in table.traces.indices {
            var accumulator = LintAccumulator()
            accumulator.add(table, traces: [t], index: index)
            let report = accumulator.finish()
            #expect(report.traces == 1 && report.spans == table.trace(at: t).spanCount)
            for finding in report.findings where perTrace.contains(finding.rule) {
                summed[finding.rule.rawValue + " " + finding.subject, default: 0] += finding.occurrences
            }
            if let call = report.finding(.brokenPropagation, "web → payment") {
                #expect(call.occurrences == 1)
                broken.append(table.traces[t].traceID)
            }
        }
        var expected: [String: Int] = [:]
        for finding in Self.whole.findings where perTrace.contains(finding.rule) {
            expected[finding.rule.rawValue + " " + finding.subject] = finding.occurrences
        }
        #expect(summed == expected)
        #expect(Set(broken) == [StableHash.traceID(for: "caller"), StableHash.traceID(for: "callee")])
    }
}
