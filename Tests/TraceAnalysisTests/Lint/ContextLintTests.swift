import Testing
import TraceModel
import TestSupport
@testable import TraceAnalysis

/// Context-poor spans: context-poor-span and error-without-detail.
@Suite struct ContextLintTests {
    // MARK: context-poor-span

    @Test func anOperationAllOfWhoseSpansCarryOnlyTheSDKsAttributesIsContextPoor() throws {
        var f = LintTraces()
        f.inTrace("a")
        f.span("root-a", service: "scheduler", name: "run", attributes: ["job.name": .string("nightly")])
        f.span("tick-a1", parent: "root-a", service: "scheduler", name: "tick",
               attributes: ["otel.scope.name": .string("scheduler"), "thread.id": .int(7), "thread.name": .string("main")])
        f.span("tick-a2", parent: "root-a", service: "scheduler", name: "tick")
        f.inTrace("b")
        f.span("root-b", service: "scheduler", name: "run", start: 100, end: 110, attributes: ["job.name": .string("hourly")])
        f.span("tick-b", parent: "root-b", service: "scheduler", name: "tick", start: 101, end: 109,
               attributes: ["telemetry.sdk.language": .string("swift")])
        let report = lint(f)
        #expect(report.of(.contextPoorSpan).count == 1, "\(report.described)")
        let finding = try #require(report.finding(.contextPoorSpan, "scheduler \"tick\""))
        expectFinding(finding, .contextPoorSpan, level: .info, subject: "scheduler \"tick\"", occurrences: 3, traces: 2,
                      services: ["scheduler"],
                      message: ["scheduler \"tick\": none of its 3 spans carries an attribute beyond the SDK's own"])
        #expect(finding.operations == ["tick"])
    }

    @Test func oneSpanWithAnAttributeIsEnoughForTheOperation() {
        var f = LintTraces()
        for i in 0..<3 {
            f.span("tock\(i)", service: "scheduler", name: "tock", start: Int64(i) * 10, end: Int64(i) * 10 + 5,
                   attributes: i == 1 ? ["job.id": .int(42)] : ["otel.library.name": .string("x")])
        }
        // The same name in another service is another operation.
        f.span("other", service: "mailer", name: "tick", attributes: ["mail.to.count": .int(3)])
        f.span("own", service: "scheduler", name: "tick", attributes: ["thread.id": .int(1)])
        let report = lint(f)
        #expect(report.of(.contextPoorSpan).map(\.subject) == ["scheduler \"tick\""], "\(report.described)")
    }

    // MARK: error-without-detail

    @Test func anErrorThatSaysNothingOfWhatFailed() throws {
        var f = LintTraces()
        f.inTrace("a")
        f.span("charge-a", service: "payment", name: "charge", status: .error, attributes: ["order.id": .string("o-1")])
        f.inTrace("b")
        f.span("charge-b", service: "payment", name: "charge", start: 100, end: 110, status: .error,
               attributes: ["order.id": .string("o-2")], events: [.init(name: "retry", attributes: ["attempt": .int(2)])])
        f.span("charge-ok", service: "payment", name: "charge", start: 200, end: 210, status: .ok,
               attributes: ["order.id": .string("o-3")])
        let report = lint(f)
        #expect(report.of(.errorWithoutDetail).count == 1, "\(report.described)")
        let finding = try #require(report.finding(.errorWithoutDetail, "payment \"charge\""))
        expectFinding(finding, .errorWithoutDetail, level: .warning, subject: "payment \"charge\"", occurrences: 2,
                      traces: 2, services: ["payment"],
                      message: ["payment \"charge\": 2 failed spans say nothing of what failed",
                                "no exception event, no status message, no error attribute"])
        #expect(finding.examples.map(\.spanID) == [TraceFixture.id("charge-a"), TraceFixture.id("charge-b")])
    }

    @Test func oneFailedSpanSaysNothing() throws {
        var f = LintTraces()
        f.span("charge", service: "payment", name: "charge", status: .error, attributes: ["order.id": .string("o-1")])
        let finding = try #require(lint(f).finding(.errorWithoutDetail, "payment \"charge\""))
        #expect(finding.message.hasPrefix("payment \"charge\": 1 failed span says nothing of what failed"),
                "\(finding.message)")
    }

    @Test func aMessageAnExceptionAStatusCodeOrAnErrorTypeIsDetail() {
        var f = LintTraces()
        let details: [(message: String, attributes: [String: AttributeValue], events: [LintTraces.Event])] = [
            ("card declined", [:], []),
            ("", [:], [.init(name: "exception", attributes: ["exception.type": .string("CardError")])]),
            ("", [:], [.init(name: "log", attributes: ["exception.message": .string("declined")])]),
            ("", ["http.response.status_code": .int(500)], []),
            ("", ["http.status_code": .string("502")], []),
            ("", ["rpc.grpc.status_code": .int(14)], []),
            ("", ["rpc.response.status_code": .string("UNAVAILABLE")], []),
            ("", ["error.type": .string("timeout")], []),
            ("", ["error": .string("connection reset by peer")], []),
        ]
        for (i, detail) in details.enumerated() {
            f.span("e\(i)", service: "payment", name: "charge", start: Int64(i) * 10, end: Int64(i) * 10 + 5,
                   status: .error, statusMessage: detail.message,
                   attributes: detail.attributes.merging(["order.id": .string("o")]) { a, _ in a }, events: detail.events)
        }
        let report = lint(f)
        #expect(report.of(.errorWithoutDetail).isEmpty, "\(report.described)")
    }

    @Test func aSuccessfulStatusCodeOrABareErrorFlagIsNoDetail() {
        var f = LintTraces()
        f.span("ok-code", service: "payment", name: "charge", status: .error,
               attributes: ["http.response.status_code": .int(200)])
        f.span("grpc-ok", service: "payment", name: "charge", start: 10, end: 15, status: .error,
               attributes: ["rpc.grpc.status_code": .int(0)])
        f.span("flag", service: "payment", name: "charge", start: 20, end: 25, status: .error,
               attributes: ["error": .string("true")])
        let finding = lint(f).finding(.errorWithoutDetail, "payment \"charge\"")
        #expect(finding?.occurrences == 3)
    }
}
