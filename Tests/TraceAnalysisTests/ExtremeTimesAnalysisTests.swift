import Testing
import TraceModel
import TestSupport
@testable import TraceAnalysis

/// Every analysis survives any 64-bit time: the issue's trace and a few hundred random traces
/// of extreme times (seeded) through the critical path, diagnostics, clock skew (analysis and
/// adjustment), fan-out, root cause, statistics and dependencies.
@Suite struct ExtremeTimesAnalysisTests {
    private func analyse(_ table: SpanTable) {
        let index = TraceSetIndex(table)
        for trace in table.allTraces {
            for adjust in [false, true] {
                let report = AnalysisReport(trace, options: AnalysisOptions(adjustSkew: adjust), others: index)
                _ = report.duration
                for path in report.criticalPath.paths {
                    for section in path.sections { #expect(section.duration > .zero) }
                }
                for share in report.criticalShares { #expect(share.share.isFinite && share.share >= 0) }
                for d in report.diagnostics { #expect(!d.message.isEmpty) }
                _ = report.criticalPathDuration
            }
            let jaeger = CriticalPath(trace, compatibility: .jaegerUI)
            #expect(jaeger.criticalTime.allSatisfy { $0 >= .zero })
        }
        let statistics = TraceStatistics(table)
        for key in [TraceStatistics.SortKey.p50, .p99, .max, .count] {
            _ = TraceStatistics.sorted(statistics.operations, by: key)
        }
        _ = DependencyGraph(table)
    }

    @Test func theIssueTrace() {
        let table = ExtremeTimes.issueTrace()
        analyse(table)
        let report = AnalysisReport(table.trace(at: 0))
        #expect(report.duration == Nanoseconds(.max))
        // The raw times still drive the bad-duration warning for the child that ends before it starts.
        #expect(report.diagnostics.contains { $0.kind == .badDuration && $0.message.contains("before it starts") })
        #expect(report.criticalPathDuration == Nanoseconds(.max))
    }

    @Test func randomExtremeTraces() {
        var rng = SplitMix64(seed: 0xED6E)
        for round in 0..<300 {
            var table = ExtremeTimes.randomTrace(&rng, spans: 1 + round % 16, trace: "a\(round)")
            if round % 5 == 0 {
                table = SpanTable.merging([table, ExtremeTimes.randomTrace(&rng, spans: 6, trace: "b\(round)")])
            }
            analyse(table)
        }
    }

    @Test func skewShiftsAtTheEdgesSaturate() {
        // Parent at the end of time, child at its start: the centring shift cannot be represented.
        let shift = SkewDelta.compute(childStart: .min, childEnd: .min + 10, parentStart: .max - 100, parentEnd: .max)
        #expect(shift.shift == .max)
        let back = SkewDelta.compute(childStart: .max - 10, childEnd: .max, parentStart: .min, parentEnd: .min + 100)
        #expect(back.shift < 0)
    }
}
