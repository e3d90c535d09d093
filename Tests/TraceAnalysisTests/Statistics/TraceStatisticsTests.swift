import Testing
import TraceModel
import TestSupport
@testable import TraceAnalysis

@Suite struct TraceStatisticsTests {
    /// Three traces of the same request; the db call fails once.
    static var table: SpanTable {
        var f = TraceFixture()
        for (t, dbTime) in [(1, 10), (2, 20), (3, 60)].map({ ($0.0, Int64($0.1)) }) {
            f.inTrace("t\(t)")
            f.span("root\(t)", service: "web", name: "GET /", start: 0, end: 100, kind: .server)
            f.span("db\(t)", parent: "root\(t)", service: "pg", name: "SELECT", start: 5, end: 5 + dbTime,
                   kind: .client, status: t == 3 ? .error : .unset)
        }
        return f.build()
    }

    @Test func perOperationCountsErrorsAndPercentiles() {
        let stats = TraceStatistics(Self.table)
        #expect(stats.operations.map { "\($0.service) \($0.operation ?? "")" } == ["pg SELECT", "web GET /"])
        let db = stats.operations[0]
        #expect(db.count == 3 && db.errorCount == 1)
        #expect(abs(db.errorRate - 1.0 / 3) < 1e-9)
        #expect(db.duration.p50 == 20_000_000 && db.duration.max == 60_000_000)
        let root = stats.operations[1]
        // Self time of the root: 100 minus the db call.
        #expect(root.selfTime.p50 == 80_000_000 && root.selfTime.max == 90_000_000 && root.selfTime.p90 == 90_000_000)
        #expect(stats.services.map(\.service) == ["pg", "web"])
        #expect(stats.services[1].operation == nil)
    }

    @Test func sortingPutsTheWorstFirst() {
        let stats = TraceStatistics(Self.table)
        #expect(TraceStatistics.sorted(stats.operations, by: .p99).first?.service == "web")
        #expect(TraceStatistics.sorted(stats.operations, by: .errorRate).first?.service == "pg")
        #expect(TraceStatistics.SortKey(rawValue: "error-rate") == .errorRate)
    }
}
