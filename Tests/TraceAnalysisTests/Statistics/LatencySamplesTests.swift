import Testing
import Foundation
import TraceModel
@testable import TraceAnalysis

/// Bounded samples: exact up to the limit, within 0.5% beyond, memory independent of the count.
@Suite struct LatencySamplesTests {
    @Test func exactUpToTheLimit() {
        var samples = LatencySamples()
        let values = (1...1_000).map { Int64($0 * 1_000) }
        for v in values.shuffled() { samples.add(v) }
        #expect(!samples.isApproximate)
        #expect(samples.percentiles == Percentiles(values))
    }

    @Test func withinHalfAPercentBeyondTheLimitAndTheMaximumExact() {
        var samples = LatencySamples()
        var values: [Int64] = []
        var rng = SplitMix64(seed: 7)
        for _ in 0..<(LatencySamples.exactLimit * 3) {
            // Log-uniform from 1 µs to 10 s, as latencies spread.
            let v = Int64(pow(10.0, 3 + 7 * Double(rng.next() % 1_000_000) / 1_000_000))
            values.append(v)
            samples.add(v)
        }
        #expect(samples.isApproximate)
        #expect(samples.exact.isEmpty, "the values themselves are no longer kept")
        let exact = Percentiles(values), approx = samples.percentiles
        for (a, e) in [(approx.p50, exact.p50), (approx.p90, exact.p90), (approx.p95, exact.p95), (approx.p99, exact.p99)] {
            #expect(abs(Double(a) - Double(e)) <= 0.005 * Double(e) + 1, "\(a) vs \(e)")
        }
        #expect(approx.max == exact.max)
    }

    @Test func absorbingBatchesEqualsAddingEverything() {
        var whole = LatencySamples(), parts = [LatencySamples(), LatencySamples(), LatencySamples()]
        for i in 0..<(LatencySamples.exactLimit + 10_000) {
            let v = Int64(i % 5_000) * 997 + 1
            whole.add(v)
            parts[i % 3].add(v)
        }
        var merged = LatencySamples()
        for p in parts { merged.absorb(p) }
        #expect(merged.count == whole.count)
        #expect(merged.percentiles == whole.percentiles)
        #expect(merged.isApproximate)
    }
}
