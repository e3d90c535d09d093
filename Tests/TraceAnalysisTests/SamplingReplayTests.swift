import Testing
import TraceModel
@testable import TraceAnalysis

/// Sampling policies replayed over traces whose outcome the test works out by hand (or, for
/// the probabilistic head, by the law of large numbers).
@Suite struct SamplingReplayTests {
    static func trace(_ n: UInt64, at millis: Int64, duration: Int64 = 10, error: Bool = false, root: String = "web GET /",
                      services: [String: Int] = ["web": 1]) -> SampledTrace {
        SampledTrace(id: TraceID(high: 1, low: n), start: Timestamp(unixNanos: millis * 1_000_000),
                     duration: Nanoseconds(duration * 1_000_000), spanCount: services.values.reduce(0, +), hasError: error,
                     rootOperation: root, spansPerService: services, operations: [root])
    }

    @Test func rateLimitingKeepsABurstThenTheRate() {
        // 16 traces 125 ms apart, 4 a second allowed: the bucket (4 tokens, full) gains half a
        // token a trace, so traces 0-6 pass, then every other one: 4 + 4/s x 1.875 s = 11.5.
        let traces = (0..<16).map { Self.trace(UInt64($0), at: Int64($0) * 125) }
        let kept = SamplingReplay.decide(traces, policy: .rate(4), seed: 0)
        #expect(kept.indices.filter { kept[$0] } == [0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 14])
    }

    @Test func headSamplingKeepsItsShareDeterministically() {
        let traces = (0..<10_000).map { Self.trace(UInt64($0) &* 0x9E37_79B9, at: Int64($0)) }
        let once = SamplingReplay.run(traces, policy: .head(0.1), seed: 7)
        // 10% of 10,000: 1,000 ± 4 standard deviations (30).
        #expect((880...1_120).contains(once.tracesKept), "\(once.tracesKept)")
        #expect(SamplingReplay.run(traces, policy: .head(0.1), seed: 7).keptIDs == once.keptIDs, "the same seed, the same traces")
        #expect(SamplingReplay.run(traces, policy: .head(0.1), seed: 8).keptIDs != once.keptIDs)
        #expect(SamplingReplay.run(traces, policy: .head(0), seed: 7).tracesKept == 0)
        #expect(SamplingReplay.run(traces, policy: .head(1), seed: 7).tracesKept == 10_000)
    }

    @Test func tailKeepsWhatTheRuleMatchedAndTheCombinationAddsAHeadSample() {
        let traces = (0..<1_000).map { Self.trace(UInt64($0), at: Int64($0), error: $0 % 100 == 0) }
        let errors = Set(traces.filter(\.hasError).map(\.id))
        let tail = SamplingReplay.run(traces, policy: .tail(label: "Status = ERROR", matches: errors))
        #expect(tail.keptIDs == errors.sorted() && tail.errorTracesKept == 10 && tail.errorTraces == 10)
        let both = SamplingReplay.run(traces, policy: .headAndTail(0.05, label: "Status = ERROR", matches: errors), seed: 1)
        let head = Set(SamplingReplay.run(traces, policy: .head(0.05), seed: 1).keptIDs)
        #expect(Set(both.keptIDs) == head.union(errors))
        #expect(both.policy == "tail Status = ERROR + head 5%")
    }

    @Test func adaptiveGuaranteesEachOperationItsMinimumThenSpendsTheBudget() {
        // Minute 0: ten of A (a second apart), one of B at 30 s; minute 1: one of A.
        var traces = (0..<10).map { Self.trace(UInt64($0), at: Int64($0) * 1_000, root: "A") }
        traces.append(Self.trace(100, at: 30_000, root: "B"))
        traces.append(Self.trace(200, at: 61_000, root: "A"))
        // 0.1/s is 6 a minute; each operation at least 2: A0, A1, B, then A2, A3, A4 (earliest).
        let kept = SamplingReplay.decide(traces, policy: .adaptive(perSecond: 0.1, minimumPerOperation: 2), seed: 0)
        #expect(kept.indices.filter { kept[$0] } == [0, 1, 2, 3, 4, 10, 11])
    }

    @Test func theOutcomeCountsWhatWasKeptAndLost() {
        // Durations 1...100 ms; the p99 (nearest rank) is 99 ms, so 99 and 100 are slow.
        var traces: [SampledTrace] = []
        for i in 1...100 {
            let root = i <= 90 ? "web GET /" : "web POST /pay"
            traces.append(Self.trace(UInt64(i), at: Int64(i), duration: Int64(i), error: i % 25 == 0, root: root,
                                     services: ["web": 2, "db": 1]))
        }
        let fast = Set(traces.filter { (t: SampledTrace) in t.duration.value <= 50_000_000 }.map { (t: SampledTrace) in t.id })
        let outcome = SamplingReplay.run(traces, policy: .tail(label: "Duration <= 50ms", matches: fast))
        #expect(outcome.tracesKept == 50 && outcome.spansKept == 150 && outcome.spans == 300 && outcome.storageShare == 0.5)
        #expect(outcome.errorTraces == 4 && outcome.errorTracesKept == 2)   // 25 and 50 of 25, 50, 75, 100
        #expect(outcome.slowTraces == 2 && outcome.slowTracesKept == 0)
        #expect(outcome.vanishedOperations == ["web POST /pay"])
        #expect(outcome.trueP95 == Nanoseconds(95_000_000) && outcome.trueP99 == Nanoseconds(99_000_000))
        // Kept: 1...50 ms; nearest ranks 48 and 50.
        #expect(outcome.keptP95 == Nanoseconds(48_000_000) && outcome.keptP99 == Nanoseconds(50_000_000))
    }

    @Test func perServiceHeadDecisionsMakePartialTraces() {
        let traces = (0..<4_000).map { Self.trace(UInt64($0) &* 0x2545_F491, at: Int64($0), services: ["web": 1, "db": 2]) }
        #expect(SamplingReplay.partialTraces(traces, probability: 1, seed: 3) == 0)
        #expect(SamplingReplay.partialTraces(traces, probability: 0, seed: 3) == 0)
        // Two services deciding alone at 50%: a trace is partial with probability 2 x 0.5 x 0.5.
        let partial = SamplingReplay.partialTraces(traces, probability: 0.5, seed: 3)
        #expect((1_800...2_200).contains(partial), "\(partial)")
        let single = (0..<100).map { Self.trace(UInt64($0), at: Int64($0)) }
        #expect(SamplingReplay.partialTraces(single, probability: 0.5, seed: 3) == 0, "one service cannot split a trace")
    }
}
