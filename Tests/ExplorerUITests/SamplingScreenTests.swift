import Testing
import TerminalCore
import TraceAnalysis
import TraceModel
import TraceStore
import TraceWorkspace
import TestSupport
@testable import ExplorerUI

/// The sampling what-if in the cell grid: `P` replays the plan `trex sample` fits to the
/// traces and shows its columns; `e` takes policies as written; a wrong one says why; a golden
/// screen at 120x40.
@Suite struct SamplingScreenTests {
    /// 200 checkouts a second apart, 1 to 200 ms long; every 20th fails.
    static let table: SpanTable = {
        var f = TraceFixture()
        for i in 0..<200 {
            f.inTrace("checkout-\(i)")
            let t0 = Int64(i) * 1_000
            f.span("r\(i)", service: "web", name: i % 2 == 0 ? "GET /cart" : "POST /pay", start: t0, end: t0 + 1 + Int64(i),
                   kind: .server, status: i % 20 == 0 ? .error : .unset)
            f.span("d\(i)", parent: "r\(i)", service: "db", name: "SELECT", start: t0, end: t0 + 1, kind: .client)
        }
        return f.build()
    }()

    @Test func theFittedPlanWithTrexSamplesColumns() throws {
        let h = ExplorerHarness(table: Self.table, width: 160, height: 40)
        h.press(.char("P"))
        let comparison = try Workspace(files: TraceCatalog(table: Self.table), store: nil).samplingComparison(SamplingPlan([]))
        #expect(comparison.outcomes.map(\.policy) == h.app.sampling?.comparison.outcomes.map(\.policy))
        for outcome in comparison.outcomes {
            let line = try #require(h.line(containing: outcome.policy + " "), "\(outcome.policy)")
            for column in SamplingColumn.allCases.dropFirst() {
                #expect(line.contains(column.text(outcome)), "\(column.title) of \(outcome.policy): \(line)")
            }
        }
        // Errors are every 20th of 200 traces, 1 to 200 ms long; the p99 (nearest rank 198) is
        // 198 ms: the fitted tail rule keeps the ten errors and the three slowest.
        let tail = try #require(h.line(containing: "tail Status = ERROR OR Duration >= 198ms "))
        #expect(tail.contains("10 of 10") && tail.contains("3 of 3") && tail.contains("13 (6.5%)"), "\(tail)")
        #expect(h.screen.contains("Sampling what-if · 200 traces, 400 spans · seed 1"), "\(h.screen)")
        #expect(h.screen.contains("Keeps "), "the selected policy's detail")
        try GoldenScreen.check(h.screen, named: "sampling-160x40")
    }

    @Test func writtenPoliciesAreReplayed() throws {
        let h = ExplorerHarness(table: Self.table, width: 120, height: 40)
        h.press(.char("P"))
        h.press(.char("e"))
        h.press(.ctrl("u"))
        h.type("head 50%; tail Status = ERROR; rate 1/min")
        h.press(.enter)
        let policies = h.app.sampling?.comparison.outcomes.map(\.policy)
        #expect(policies == ["head 50%", "rate 1/min", "tail Status = ERROR", "tail Status = ERROR + head 50%"], "\(policies ?? [])")
        let tail = try #require(h.app.sampling?.comparison.outcomes[2])
        #expect(tail.tracesKept == 10 && tail.errorTracesKept == 10)
        // A rate of one a minute over 200 seconds: the first trace, then one each minute.
        #expect(h.app.sampling?.comparison.outcomes[1].tracesKept == 4)
        try GoldenScreen.check(h.screen, named: "sampling-written-120x40")
    }

    @Test func aWrongPolicyOrRuleSaysWhy() throws {
        let h = ExplorerHarness(table: Self.table, width: 120, height: 40)
        h.press(.char("P"))
        h.press(.char("e"), .ctrl("u"))
        h.type("keep everything")
        h.press(.enter)
        #expect(h.screen.contains("Policies: \"keep\" is not a policy"), "\(h.screen)")
        h.press(.char("e"), .ctrl("u"))
        h.type("tail Duration >")
        h.press(.enter)
        #expect(h.screen.contains("Tail rule, column 11: expected a value after `>`"), "\(h.screen)")
        h.press(.escape)
        #expect(h.app.sampling == nil)
    }
}
