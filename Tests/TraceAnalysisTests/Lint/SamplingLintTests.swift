import Testing
import TraceModel
import TestSupport
@testable import TraceAnalysis

/// Sampling consistency: sampled-flag-mismatch, per-service-sampling,
/// sampling-priority-disagreement.
@Suite struct SamplingLintTests {
    /// web → billing in a trace of its own, with the flags, attributes and tracestate given
    /// for the caller's CLIENT span and billing's SERVER span.
    static func call(_ f: inout LintTraces, _ n: Int, clientFlags: UInt32? = Flags.sampled,
                     serverFlags: UInt32? = Flags.remoteParent | Flags.sampled,
                     client: [String: AttributeValue] = [:], server: [String: AttributeValue] = [:],
                     clientState: String = "", serverState: String = "", callee: String = "billing") {
        let at = Int64(n) * 1_000
        f.inTrace("call-\(n)")
        f.span("root-\(n)", service: "web", name: "GET /invoice", start: at, end: at + 100, kind: .server,
               flags: clientFlags, traceState: clientState)
        f.span("client-\(n)", parent: "root-\(n)", service: "web", name: "GET /bill", start: at + 10, end: at + 90,
               kind: .client, attributes: ["peer.service": .string(callee)].merging(client) { $1 },
               flags: clientFlags, traceState: clientState)
        f.span("server-\(n)", parent: "client-\(n)", service: callee, name: "GET /bill", start: at + 20, end: at + 80,
               kind: .server, attributes: server, flags: serverFlags, traceState: serverState)
    }

    // MARK: sampled-flag-mismatch

    @Test func aChildWhoseSampledFlagDiffersFromItsParentsOverridesTheDecision() throws {
        var f = LintTraces()
        Self.call(&f, 1, serverFlags: Flags.remoteParent | Flags.notSampled)
        Self.call(&f, 2, serverFlags: Flags.remoteParent | Flags.notSampled)
        Self.call(&f, 3)
        let report = lint(f)
        #expect(report.of(.sampledFlagMismatch).count == 1, "\(report.described)")
        let finding = try #require(report.finding(.sampledFlagMismatch, "web → billing"))
        expectFinding(finding, .sampledFlagMismatch, level: .error, subject: "web → billing", occurrences: 2, traces: 2,
                      services: ["billing"],
                      message: ["web → billing: 2 spans in 2 traces carry a sampled flag that differs from their parent's"])
        #expect(finding.examples.map(\.spanID) == [TraceFixture.id("server-1"), TraceFixture.id("server-2")])
    }

    @Test func flagsAreComparedOnlyWhenBothSpansCarryThem() {
        var f = LintTraces()
        Self.call(&f, 1)   // both sampled
        Self.call(&f, 2, serverFlags: nil)   // the child's format carried no flags (flags 0, no marker)
        Self.call(&f, 3, clientFlags: nil, serverFlags: Flags.notSampled)
        #expect(lint(f).of(.sampledFlagMismatch).isEmpty)
    }

    // MARK: per-service-sampling

    @Test func childlessCallsToAServiceThatAnswersOtherCallsAreSampledOutByTheCallee() throws {
        var f = LintTraces()
        Self.call(&f, 1)
        Self.call(&f, 2)
        // A successful call to billing with nothing of billing below it, and no billing root
        // anywhere near it (not broken propagation).
        f.inTrace("lonely")
        f.span("root-l", service: "web", name: "GET /invoice", start: 9_000, end: 9_100, kind: .server)
        f.span("client-l", parent: "root-l", service: "web", name: "GET /bill", start: 9_010, end: 9_090, kind: .client,
               status: .ok, attributes: ["peer.service": .string("billing")])
        let report = lint(f)
        #expect(report.of(.perServiceSampling).count == 1, "\(report.described)")
        let finding = try #require(report.finding(.perServiceSampling, "web → billing"))
        expectFinding(finding, .perServiceSampling, level: .error, subject: "web → billing", occurrences: 1, traces: 1,
                      services: ["web", "billing"],
                      message: ["web → billing: 1 of 3 calls to \"billing\" have no billing span in their trace",
                                "not parent-based"])
        #expect(finding.examples.map(\.spanID) == [TraceFixture.id("client-l")])
        #expect(report.of(.brokenPropagation).isEmpty)
    }

    @Test func thePeerMayBeNamedByTheURL() throws {
        var f = LintTraces()
        let url: [String: AttributeValue] = ["url.full": .string("https://billing:8443/bill?id=1")]
        f.inTrace("answered")
        f.span("root-a", service: "web", start: 0, end: 100, kind: .server)
        f.span("client-a", parent: "root-a", service: "web", start: 10, end: 90, kind: .client, attributes: url)
        f.span("server-a", parent: "client-a", service: "billing", start: 20, end: 80, kind: .server)
        f.inTrace("dropped")
        f.span("root-d", service: "web", start: 5_000, end: 5_100, kind: .server)
        f.span("client-d", parent: "root-d", service: "web", start: 5_010, end: 5_090, kind: .client, attributes: url)
        let finding = try #require(lint(f).finding(.perServiceSampling, "web → billing"))
        #expect(finding.message.contains("1 of 2 calls to \"billing\""), "\(finding.message)")
    }

    @Test func failedCallsAndCallsToUninstrumentedPeersAreNotSampling() {
        var f = LintTraces()
        Self.call(&f, 1)
        f.inTrace("failed")   // billing was down: no billing span, but not for sampling
        f.span("root-f", service: "web", start: 5_000, end: 5_100, kind: .server)
        f.span("client-f", parent: "root-f", service: "web", start: 5_010, end: 5_090, kind: .client, status: .error,
               statusMessage: "connection refused", attributes: ["peer.service": .string("billing")])
        f.inTrace("external")   // nobody in the set answers as the payment provider
        f.span("root-e", service: "web", start: 7_000, end: 7_100, kind: .server)
        f.span("client-e", parent: "root-e", service: "web", start: 7_010, end: 7_090, kind: .client,
               attributes: ["url.full": .string("https://api.payments.example/v1/charges")])
        let report = lint(f)
        #expect(report.of(.perServiceSampling).isEmpty, "\(report.described)")
    }

    // MARK: sampling-priority-disagreement

    @Test func parentAndChildDisagreeingOnSamplingPriority() throws {
        var f = LintTraces()
        Self.call(&f, 1, client: ["sampling.priority": .int(1)], server: ["sampling.priority": .int(0)])
        Self.call(&f, 2, client: ["sampling.priority": .int(1)], server: ["sampling.priority": .string("0")])
        let report = lint(f)
        #expect(report.of(.samplingPriorityDisagreement).count == 1, "\(report.described)")
        let finding = try #require(report.finding(.samplingPriorityDisagreement, "web → billing"))
        expectFinding(finding, .samplingPriorityDisagreement, level: .warning, subject: "web → billing", occurrences: 2,
                      traces: 2, services: ["billing"],
                      message: ["web → billing: 2 spans in 2 traces disagree with their parent on sampling.priority"])
    }

    @Test func parentAndChildDisagreeingOnTheTracestateThreshold() throws {
        var f = LintTraces()
        Self.call(&f, 1, clientState: "vendor=a,ot=th:8;rv:9b8233f7e3a151", serverState: "ot=th:c, vendor=a",
                  callee: "ledger")
        let report = lint(f)
        let finding = try #require(report.finding(.samplingPriorityDisagreement, "web → ledger"), "\(report.described)")
        expectFinding(finding, .samplingPriorityDisagreement, level: .warning, subject: "web → ledger", occurrences: 1,
                      traces: 1, services: ["ledger"],
                      message: ["1 span in 1 trace", "the sampling threshold of tracestate (ot=th)"])
    }

    @Test func equalPrioritiesAndThresholdsAgree() {
        var f = LintTraces()
        Self.call(&f, 1, client: ["sampling.priority": .int(1)], server: ["sampling.priority": .string("1")])
        Self.call(&f, 2, client: ["sampling.priority": .int(1)])   // the child inherits it without saying
        Self.call(&f, 3, clientState: "ot=th:8;rv:01", serverState: "ot=rv:02;th:8")
        Self.call(&f, 4, clientState: "ot=th:8", serverState: "vendor=b")   // no threshold on the child
        #expect(lint(f).of(.samplingPriorityDisagreement).isEmpty)
    }
}
