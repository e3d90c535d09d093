import Foundation
import Testing
import TraceModel
import TestSupport
@testable import TraceAnalysis

/// A chain 100,000 levels deep compared, folded into a baseline and encoded: nothing may recurse.
@Suite struct DeepComparisonTests {
    /// `step` > `step` > ... `depth` levels, each nested one unit (1 µs) inside its parent.
    static func chain(_ depth: Int) -> Trace {
        var f = TraceFixture(unitNanos: 1_000)
        for i in 0..<depth {
            f.span("s\(i)", parent: i == 0 ? nil : "s\(i - 1)", service: "svc", name: "step",
                   start: Int64(i), end: Int64(2 * depth - i))
        }
        return f.buildTrace()
    }

    @Test func aHundredThousandLevelsAgainstOneMore() throws {
        let depth = 100_000
        let a = OperationTree(Self.chain(depth))
        let b = OperationTree(Self.chain(depth + 1))
        #expect(a.nodes.count == depth && a.nodes.last?.depth == Int32(depth - 1))

        let comparison = TraceComparison(a, b)
        #expect(comparison.nodes.count == depth + 1)
        #expect(comparison.nodes[0].subtreeEnd == depth + 1)
        let last = try #require(comparison.nodes.last)
        #expect(last.isOnlyInB && last.depth == depth && last.parent == depth - 1)
        #expect(comparison.nodes.dropLast().allSatisfy { $0.isInA && $0.isInB && $0.durationDelta == .microseconds(2) })
        #expect(comparison.path(to: depth).count == depth + 1)

        // The deepest level is in one chain of two: not in the median.
        let median = OperationTree(medianOf: [a, b])
        #expect(median.nodes.count == depth)

        let json = try JSONEncoder().encode(comparison)
        #expect(json.count > depth * 100, "flat: one object per node")
    }
}
