import Testing
import TraceModel
@testable import TraceAnalysis

@Suite struct RadixSortTests {
    @Test func sortsLikeTheStandardLibrary() {
        var rng = SplitMix64(seed: 9)
        let cases: [[Int64]] = [
            (0..<5_000).map { _ in Int64(bitPattern: rng.next()) },   // any bits, negatives included
            (0..<3_000).map { _ in Int64(rng.next() % 1_000) },   // many duplicates, high digits all zero
            (0..<2_000).map { _ in Int64(rng.next() % 50_000_000) - 1_000 },   // latencies with a few below zero
            [Int64](repeating: 7, count: 1_000),
            (0..<1_000).map { Int64($0 % 2 == 0 ? Int64.max - Int64($0) : Int64.min + Int64($0)) },
            [3, 1, 2],   // small arrays: the standard sort
        ]
        for values in cases {
            var sorted = values
            RadixSort.sort(&sorted)
            #expect(sorted == values.sorted())
        }
    }
}
