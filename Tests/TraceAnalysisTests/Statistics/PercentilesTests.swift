import Testing
@testable import TraceAnalysis

@Suite struct PercentilesTests {
    @Test func nearestRankOnKnownData() {
        let values = (1...100).map(Int64.init)
        let p = Percentiles(values.shuffled())
        #expect(p.p50 == 50 && p.p90 == 90 && p.p95 == 95 && p.p99 == 99 && p.max == 100)
    }

    @Test func smallSamplesRoundTheRankUp() {
        #expect(Percentiles([1, 2, 3, 4]).p50 == 2)
        #expect(Percentiles([1, 2, 3, 4]).p90 == 4)
        #expect(Percentiles([7]).p50 == 7 && Percentiles([7]).p99 == 7)
        // ceil(0.95 * 10) = 10th value; ceil(0.5 * 10) = 5th.
        let ten: [Int64] = [10, 20, 30, 40, 50, 60, 70, 80, 90, 1000]
        #expect(Percentiles(ten).p95 == 1000 && Percentiles(ten).p50 == 50)
        #expect(Percentiles([]).p99 == 0)
    }
}
