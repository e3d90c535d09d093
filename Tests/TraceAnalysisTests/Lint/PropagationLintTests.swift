import Testing
import TraceModel
import TestSupport
@testable import TraceAnalysis

/// Context propagation: broken-propagation, lost-parent, server-without-remote-parent.
@Suite struct PropagationLintTests {
    /// A web request calling payment with the context propagated: web's CLIENT span has
    /// payment's SERVER span as its child. Traces a second apart, so no call overlaps another
    /// trace's root.
    static func connectedCall(_ f: inout LintTraces, _ n: Int, peer: [String: AttributeValue]) {
        let at = Int64(n) * 1_000
        f.inTrace("connected-\(n)")
        f.span("checkout-\(n)", service: "web", name: "POST /checkout", start: at, end: at + 100, kind: .server)
        f.span("pay-\(n)", parent: "checkout-\(n)", service: "web", name: "POST /pay", start: at + 10, end: at + 90,
               kind: .client, attributes: peer)
        f.span("charge-\(n)", parent: "pay-\(n)", service: "payment", name: "POST /charge", start: at + 20,
               end: at + 80, kind: .server)
    }

    /// A call whose answer started a new trace: a childless CLIENT span to `peer`, and
    /// payment's root SERVER span inside it in another trace.
    static func brokenCall(_ f: inout LintTraces, peer: [String: AttributeValue], server: String = "payment",
                           answered: Bool = false) {
        f.inTrace("caller")
        f.span("checkout-0", service: "web", name: "POST /checkout", start: 0, end: 100, kind: .server)
        f.span("pay-0", parent: "checkout-0", service: "web", name: "POST /pay", start: 10, end: 90, kind: .client,
               attributes: peer)
        if answered {
            f.span("charge-answer", parent: "pay-0", service: server, name: "POST /charge", start: 15, end: 85,
                   kind: .server)
        }
        f.inTrace("callee")
        f.span("charge-0", service: server, name: "POST /charge", start: 20, end: 80, kind: .server)
    }

    // MARK: broken-propagation

    @Test func aRootServerInsideAChildlessCallOfAnotherTraceIsBrokenPropagation() throws {
        let peer: [String: AttributeValue] = ["peer.service": .string("payment")]
        var f = LintTraces()
        Self.brokenCall(&f, peer: peer)
        Self.connectedCall(&f, 1, peer: peer)
        Self.connectedCall(&f, 2, peer: peer)
        let report = lint(f)
        let finding = try #require(report.finding(.brokenPropagation, "web → payment"), "\(report.described)")
        expectFinding(finding, .brokenPropagation, level: .error, subject: "web → payment", occurrences: 1, traces: 1,
                      services: ["web", "payment"],
                      message: ["web → payment: 1 of 3 calls start a new trace", "childless CLIENT call"])
        #expect(finding.operations == ["POST /pay", "POST /charge"])
        #expect(finding.examples.map(\.spanID) == [TraceFixture.id("pay-0")])
        #expect(finding.examples[0].traceID == StableHash.traceID(for: "caller"))
        #expect(report.of(.brokenPropagation).count == 1)
        // Both sides are this rule's: payment's root is not also a server without a remote
        // parent, and the childless call is not also a sign of per-service sampling.
        #expect(report.of(.serverWithoutRemoteParent).isEmpty, "\(report.described)")
        #expect(report.of(.perServiceSampling).isEmpty, "\(report.described)")
        #expect(report.of(.lostParent).isEmpty)
    }

    @Test func thePeerMayBeNamedByServerAddress() throws {
        let peer: [String: AttributeValue] = ["server.address": .string("Payment:8443")]
        var f = LintTraces()
        Self.brokenCall(&f, peer: peer)
        Self.connectedCall(&f, 1, peer: peer)
        let report = lint(f)
        let finding = try #require(report.finding(.brokenPropagation, "web → payment"), "\(report.described)")
        expectFinding(finding, .brokenPropagation, level: .error, subject: "web → payment", occurrences: 1, traces: 1,
                      services: ["web", "payment"], message: ["1 of 2 calls start a new trace"])
    }

    @Test func noBrokenPropagationWhenTheCallIsAnsweredInItsTraceOrCallsAnotherPeerOrIsElsewhereInTime() {
        let peer: [String: AttributeValue] = ["peer.service": .string("payment")]
        var answered = LintTraces()
        Self.brokenCall(&answered, peer: peer, answered: true)
        #expect(lint(answered).of(.brokenPropagation).isEmpty)

        var otherPeer = LintTraces()
        Self.brokenCall(&otherPeer, peer: peer, server: "billing")
        #expect(lint(otherPeer).of(.brokenPropagation).isEmpty)

        var apart = LintTraces()
        apart.inTrace("caller")
        apart.span("checkout-0", service: "web", start: 0, end: 100, kind: .server)
        apart.span("pay-0", parent: "checkout-0", service: "web", start: 10, end: 90, kind: .client, attributes: peer)
        apart.inTrace("callee")
        apart.span("charge-0", service: "payment", start: 5_000, end: 5_060, kind: .server)
        #expect(lint(apart).of(.brokenPropagation).isEmpty)
    }

    // MARK: lost-parent

    @Test func aSpanWhoseParentNoTraceHoldsHasALostParent() throws {
        var f = LintTraces()
        f.inTrace("a")
        f.span("root-a", service: "api", kind: .server)
        f.span("orphan-a", parent: "never-exported-a", service: "worker", name: "process")
        f.inTrace("b")
        f.span("orphan-b1", parent: "never-exported-b", service: "worker", name: "process", start: 2_000, end: 2_010)
        f.span("orphan-b2", parent: "never-exported-b", service: "worker", name: "process", start: 2_000, end: 2_010)
        let report = lint(f)
        #expect(report.of(.lostParent).count == 1, "\(report.described)")
        let finding = try #require(report.finding(.lostParent, "worker"))
        expectFinding(finding, .lostParent, level: .warning, subject: "worker", occurrences: 3, traces: 2,
                      services: ["worker"], message: ["worker: 3 spans in 2 traces name a parent that no loaded trace holds"])
    }

    @Test func aSpanWhoseParentIsInAnotherTraceKeptTheSpanIDButNotTheTraceID() throws {
        var f = LintTraces()
        f.inTrace("first")
        f.span("enqueue", service: "web", name: "enqueue", kind: .producer)
        f.inTrace("second")
        f.span("handle", parent: "enqueue", service: "worker", name: "handle", start: 20, end: 40, kind: .consumer)
        let report = lint(f)
        #expect(report.of(.lostParent).count == 1, "\(report.described)")
        let finding = try #require(report.finding(.lostParent, "web → worker"))
        expectFinding(finding, .lostParent, level: .warning, subject: "web → worker", occurrences: 1, traces: 1,
                      services: ["worker"], message: ["web → worker: 1 span in 1 trace", "in another trace",
                                                      "kept the parent span id but not the trace id"])
        #expect(finding.examples.map(\.spanID) == [TraceFixture.id("handle")])
    }

    @Test func aWholeTreeHasNoLostParent() {
        var f = LintTraces()
        Self.connectedCall(&f, 1, peer: ["peer.service": .string("payment")])
        f.span("local", parent: "charge-1", service: "payment", start: 1_030, end: 1_040)
        #expect(lint(f).of(.lostParent).isEmpty)
    }

    // MARK: server-without-remote-parent

    @Test func aCalledServiceWhoseServerSpansAlsoStartTracesDoesNotExtractTheContext() throws {
        let peer: [String: AttributeValue] = ["peer.service": .string("payment")]
        var f = LintTraces()
        Self.connectedCall(&f, 1, peer: peer)
        for n in 5...6 {   // far from any call: new traces, not broken propagation
            f.inTrace("root-\(n)")
            f.span("charge-root-\(n)", service: "payment", name: "POST /charge", start: Int64(n) * 1_000,
                   end: Int64(n) * 1_000 + 50, kind: .server)
        }
        let report = lint(f)
        #expect(report.of(.serverWithoutRemoteParent).count == 1, "\(report.described)")
        let finding = try #require(report.finding(.serverWithoutRemoteParent, "payment"))
        expectFinding(finding, .serverWithoutRemoteParent, level: .warning, subject: "payment", occurrences: 2,
                      traces: 2, services: ["payment"],
                      message: ["payment: 2 of 3 SERVER spans have no remote parent, though payment is called by web"])
        #expect(report.of(.brokenPropagation).isEmpty)
        // web's own SERVER roots are fine: nobody calls web.
        #expect(report.finding(.serverWithoutRemoteParent, "web") == nil)
    }

    @Test func otlpFlagsSayingTheParentIsLocalMarkAServerSpanWithoutARemoteParent() throws {
        var f = LintTraces()
        Self.connectedCall(&f, 1, peer: ["peer.service": .string("payment")])
        f.inTrace("local")
        f.span("job", service: "payment", name: "settle", start: 3_000, end: 3_100, flags: Flags.sampled)
        // Bit 8 set, bit 9 clear: the SDK knew the parent was local.
        f.span("charge-local", parent: "job", service: "payment", name: "POST /charge", start: 3_010, end: 3_090,
               kind: .server, flags: Flags.localParent | Flags.sampled)
        let report = lint(f)
        let finding = try #require(report.finding(.serverWithoutRemoteParent, "payment"), "\(report.described)")
        expectFinding(finding, .serverWithoutRemoteParent, level: .warning, subject: "payment", occurrences: 1,
                      traces: 1, services: ["payment"], message: ["payment: 1 of 2 SERVER spans have no remote parent"])
        #expect(finding.examples.map(\.spanID) == [TraceFixture.id("charge-local")])
    }

    @Test func serverSpansWithRemoteParentsOrOfServicesNobodyCallsAreFine() {
        var f = LintTraces()
        Self.connectedCall(&f, 1, peer: ["peer.service": .string("payment")])
        Self.connectedCall(&f, 2, peer: ["peer.service": .string("payment")])
        // A remote parent by the flags (bits 8 and 9 set), and flags without bit 8 (unknown).
        f.inTrace("flags")
        f.span("edge", service: "web", name: "GET /", start: 4_000, end: 4_100, kind: .server, flags: Flags.sampled)
        f.span("edge-call", parent: "edge", service: "web", name: "GET /charge", start: 4_010, end: 4_090,
               kind: .client, attributes: ["peer.service": .string("payment")], flags: Flags.sampled)
        f.span("remote", parent: "edge-call", service: "payment", name: "POST /charge", start: 4_020, end: 4_080,
               kind: .server, flags: Flags.remoteParent | Flags.sampled)
        f.inTrace("unknown")
        f.span("edge2", service: "web", name: "GET /", start: 5_000, end: 5_100, kind: .server, flags: Flags.sampled)
        f.span("edge-call2", parent: "edge2", service: "web", name: "GET /charge", start: 5_010, end: 5_090,
               kind: .client, attributes: ["peer.service": .string("payment")], flags: Flags.sampled)
        f.span("unknown", parent: "edge-call2", service: "payment", name: "POST /charge", start: 5_020, end: 5_080,
               kind: .server, flags: Flags.sampled)
        let report = lint(f)
        #expect(report.of(.serverWithoutRemoteParent).isEmpty, "\(report.described)")
        #expect(report.of(.brokenPropagation).isEmpty)
        #expect(report.of(.lostParent).isEmpty)
    }
}
