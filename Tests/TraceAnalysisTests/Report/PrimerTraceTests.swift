import Testing
import TraceModel
import TestSupport
@testable import TraceAnalysis

/// The primer's example traces, analysed end to end.
@Suite struct PrimerTraceTests {
    @Test func checkoutThePaymentCallIsTheBottleneck() {
        let trace = PrimerTraces.checkoutTrace
        let report = AnalysisReport(trace)
        // The request took 1.2 s; the e-mail sent behind a queue finishes later.
        #expect(report.criticalPathDuration == .milliseconds(1_200))
        #expect(report.duration == .milliseconds(1_440))
        let top = report.criticalShares[0]
        #expect(trace.nameOf(top.span) == "charge")
        #expect(top.time == .milliseconds(780))
        #expect(abs(top.share - 0.65) < 1e-9)
        let u = PrimerTraces.checkoutUnit
        #expect(report.criticalPath.sections.map { "\(trace.nameOf($0.span)) \(Units.of($0.start, unitNanos: u) * 20)-\(Units.of($0.end, unitNanos: u) * 20)" } == [
            "GET/checkout 0-20", "checkout 20-40", "place-order 40-60", "get-cart 60-140", "place-order 140-160",
            "select 160-220", "place-order 220-240", "charge 240-1020", "place-order 1020-1040", "notify 1040-1080",
            "insert 1080-1140", "place-order 1140-1160", "checkout 1160-1180", "GET/checkout 1180-1200",
        ])
        // The e-mail is sent behind a queue: it outlives the request, as expected.
        #expect(report.diagnostics.contains { $0.kind == .outlivesParent && $0.severity == .info })
        #expect(!report.diagnostics.contains { $0.severity == .warning })
        // The payment provider sends no spans: it shows up as an uninstrumented dependency.
        #expect(DependencyGraph(trace.table).edges.contains { $0.callee == "payment-gateway" && $0.kind == .uninstrumented })
    }

    @Test func loginTheDatabaseTimeoutsAreTheRootCauses() {
        let trace = PrimerTraces.login
        let analysis = RootCauseAnalysis(trace)
        #expect(trace.names(analysis.origins) == ["users", "users", "users"])
        #expect(trace.names(analysis.propagated) == ["login", "auth", "verify", "auth", "verify", "auth", "verify"])
        #expect(trace.names(analysis.chain(to: analysis.origins[2])) == ["login", "auth", "verify", "users"])
        // Three retries are not yet N+1.
        #expect(FanOutAnalysis(trace).nPlusOne.isEmpty)
    }

    @Test func orderPipelineTheQueueHopIsNotOnTheCriticalPath() {
        let trace = PrimerTraces.orderPipeline
        let report = AnalysisReport(trace)
        #expect(report.criticalPath.sections.allSatisfy { trace[$0.span].kind != .consumer })
        #expect(report.criticalPath.criticalTime[trace.local("process")] == .zero)
        #expect(report.criticalPath.paths[0].duration == trace[trace.local("POST/order")].duration)
        #expect(report.diagnostics.map(\.kind) == [.outlivesParent])
        #expect(DependencyGraph(trace.table).edges.contains { $0.caller == "shop" && $0.callee == "fulfil" && $0.kind == .messaging })
    }

    @Test func productPageEightPriceQueriesAreNPlusOne() {
        let trace = PrimerTraces.productPage
        let report = AnalysisReport(trace)
        #expect(report.fanOut.nPlusOne.count == 1)
        let f = report.fanOut.nPlusOne[0]
        #expect(f.calls.count == 8)
        #expect(f.statementShape == "SELECT amount FROM prices WHERE product_id = ?")
        #expect(f.totalTime == .milliseconds(33) && f.longestTime == .milliseconds(5))
        #expect(report.diagnostics.first?.kind == .nPlusOne)
    }
}
