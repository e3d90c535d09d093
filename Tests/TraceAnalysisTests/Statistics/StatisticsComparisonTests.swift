import Testing
import TraceModel
import TestSupport
@testable import TraceAnalysis

/// Two windows' statistics compared: confidence intervals of percentiles, the noise rule, rows
/// in one window only, and the share of critical time.
@Suite struct StatisticsComparisonTests {
    /// `count` one-span traces of `service op`, durations from `duration(i)` (µs), starting at
    /// `offset + i` ms.
    static func table(count: Int, offset: Int64 = 0, operation: String = "op",
                      duration: (Int) -> Int64) -> SpanTable {
        var f = TraceFixture(unitNanos: 1_000)
        for i in 0..<count {
            f.inTrace("\(operation)-\(offset)-\(i)")
            let start = (offset + Int64(i)) * 1_000
            f.span("s\(i)", service: "svc", name: operation, start: start, end: start + duration(i))
        }
        return f.build()
    }

    static func accumulator(_ tables: SpanTable...) -> TraceStatistics.Accumulator {
        var a = TraceStatistics.Accumulator()
        for t in tables { a.add(t) }
        return a
    }

    /// A spread of latencies, 1,000 µs to 1,999 µs in a scrambled order.
    static func spread(_ i: Int) -> Int64 { 1_000 + Int64((i * 7_919) % 1_000) }

    @Test func intervalsNeedEnoughValues() {
        // The fewest values that bound each percentile with 99% confidence.
        for (percent, fewest) in [(50, 11), (90, 79), (95, 164), (99, 846)] {
            let few = LatencyDistribution(sorted: (0..<Int64(fewest - 1)).map { $0 })
            let enough = LatencyDistribution(sorted: (0..<Int64(fewest)).map { $0 })
            #expect(few.interval(percent: percent) == nil, "p\(percent) of \(fewest - 1)")
            let bounds = try? #require(enough.interval(percent: percent))
            #expect(bounds?.contains(enough.percentile(percent)) == true, "p\(percent) of \(fewest)")
        }
        // 1,000 values 1...1000: the p50's interval is about 459...542.
        let thousand = LatencyDistribution(sorted: (1...1_000).map { Int64($0) })
        #expect(thousand.interval(percent: 50) == 459...542)
    }

    @Test func bucketedDistributionAnswersRanksLikeItsPercentiles() {
        var samples = LatencySamples()
        for i in 0..<100_000 { samples.add(Int64(1_000 + i % 50_000)) }   // each of 1,000...50,999 twice
        #expect(samples.isApproximate)
        let d = samples.distribution
        let p = d.percentiles
        #expect(p.max == 50_999)
        #expect(abs(Double(p.p50) / 26_000 - 1) < 0.005)   // the exact median is 25,999
        #expect(abs(Double(p.p99) / 50_500 - 1) < 0.005)
        #expect(d.value(atRank: 1) <= d.value(atRank: d.count / 2))
        #expect(d.value(atRank: d.count) == 50_999)
        #expect(d.interval(percent: 99) != nil)
    }

    @Test func aSlowerSecondWindowIsARegression() {
        let before = Self.table(count: 1_000, duration: Self.spread)
        let after = Self.table(count: 1_000, offset: 10_000) { Self.spread($0) * 3 / 2 }
        let c = StatisticsComparison(before: Self.accumulator(before), after: Self.accumulator(after))
        let row = try! #require(c.operations.first)
        #expect(row.duration.p50.verdict == .regressed)
        #expect(row.duration.p95.verdict == .regressed)
        #expect(row.duration.p99.verdict == .regressed)
        #expect(row.duration.max.verdict == .notJudged)
        #expect(row.duration.p50.changeText == "+50%")
        #expect(row.regressed)
        #expect(c.services.first?.regressed == true)
        // And the other way round, an improvement.
        let back = StatisticsComparison(before: Self.accumulator(after), after: Self.accumulator(before))
        #expect(back.operations.first?.duration.p50.verdict == .improved)
        #expect(back.operations.first?.regressed == false)
    }

    @Test func theSameLatenciesShuffledAreNoise() {
        // Window B draws from the same spread in another order, and 2% slower: within noise.
        let before = Self.table(count: 1_000, duration: Self.spread)
        let after = Self.table(count: 1_000, offset: 10_000) { Self.spread(($0 * 31) % 1_000) * 102 / 100 }
        let row = try! #require(StatisticsComparison(before: Self.accumulator(before), after: Self.accumulator(after)).operations.first)
        for change in [row.duration.p50, row.duration.p90, row.duration.p95, row.duration.p99] {
            #expect(change.verdict == .noise, "\(change)")
        }
        #expect(!row.regressed)
    }

    @Test func aSignificantButTinyChangeIsNotARegression() {
        // Every span 3% slower: the intervals part, but it is under the 5% minimum.
        let before = Self.table(count: 1_000) { _ in 1_000 }
        let after = Self.table(count: 1_000, offset: 10_000) { _ in 1_030 }
        let row = try! #require(StatisticsComparison(before: Self.accumulator(before), after: Self.accumulator(after)).operations.first)
        #expect(row.duration.p50.verdict == .noise)
    }

    @Test func fewSpansAreNotJudged() {
        let before = Self.table(count: 20) { _ in 1_000 }
        let after = Self.table(count: 20, offset: 10_000) { _ in 9_000 }
        let row = try! #require(StatisticsComparison(before: Self.accumulator(before), after: Self.accumulator(after)).operations.first)
        #expect(row.duration.p50.verdict == .regressed)   // 20 values bound a median
        #expect(row.duration.p95.verdict == .tooFewSpans)   // but not a p95
        #expect(row.duration.p99.verdict == .tooFewSpans)
    }

    @Test func rowsInOneWindowOnly() {
        let before = Self.table(count: 10, operation: "gone") { _ in 1_000 }
        let after = Self.table(count: 10, offset: 10_000, operation: "new") { _ in 1_000 }
        let c = StatisticsComparison(before: Self.accumulator(before), after: Self.accumulator(after))
        #expect(c.operations.map { $0.operation ?? "" } == ["gone", "new"])
        #expect(c.operations[0].after == nil && c.operations[0].before?.count == 10)
        #expect(c.operations[0].duration.p50.changeText == "gone")
        #expect(c.operations[1].before == nil && c.operations[1].duration.p50.changeText == "new")
        #expect(c.operations[1].duration.p50.verdict == .tooFewSpans)
        #expect(c.services.count == 1 && c.services[0].before?.count == 10 && c.services[0].after?.count == 10)
    }

    @Test func criticalShareSplitsTheCriticalPathsTime() {
        // TraceStatisticsTests' table: three 100 ms requests whose db calls take 10, 20, 60 ms,
        // each on its trace's critical path.
        let stats = TraceStatistics(TraceStatisticsTests.table)
        let db = stats.operations.first { $0.service == "pg" }!
        let web = stats.operations.first { $0.service == "web" }!
        #expect(db.criticalTime == Nanoseconds(90_000_000))
        #expect(abs(db.criticalShare - 0.3) < 1e-9)
        #expect(abs(web.criticalShare - 0.7) < 1e-9)
        #expect(abs(stats.services.reduce(0) { $0 + $1.criticalShare } - 1) < 1e-9)
        #expect(TraceStatistics.sorted(stats.operations, by: .critical).first?.service == "web")
    }

    @Test func regressionsFirstThenJudgedRowsThenTheRest() {
        // "slow": regressed; "same": judged, within noise; "few": +800% but too few spans.
        var before = Self.accumulator(Self.table(count: 500, operation: "slow", duration: Self.spread),
                                      Self.table(count: 500, operation: "same", duration: Self.spread))
        before.add(Self.table(count: 3, operation: "few") { _ in 1_000 })
        var after = Self.accumulator(Self.table(count: 500, offset: 10_000, operation: "slow") { Self.spread($0) * 2 },
                                     Self.table(count: 500, offset: 10_000, operation: "same") { Self.spread(($0 * 31) % 1_000) })
        after.add(Self.table(count: 3, offset: 10_000, operation: "few") { _ in 9_000 })
        let rows = StatisticsComparison(before: before, after: after).operations
        #expect(StatisticsComparison.regressionsFirst(rows).map { $0.operation ?? "" } == ["slow", "same", "few"])
    }

    @Test func changeTextAndMarks() {
        #expect(PercentileChange(before: 100, after: 135, verdict: .regressed).changeText == "+35%")
        #expect(PercentileChange(before: 100, after: 88, verdict: .improved).changeText == "-12%")
        #expect(PercentileChange(before: 100, after: 100, verdict: .noise).changeText == "0%")
        #expect(PercentileChange(before: 100, after: 135, verdict: .regressed).mark() == "▲")
        #expect(PercentileChange(before: 100, after: 88, verdict: .improved).mark(ascii: true) == "-")
        #expect(PercentileChange(before: 0, after: 5, verdict: .tooFewSpans).mark() == "?")
    }
}
