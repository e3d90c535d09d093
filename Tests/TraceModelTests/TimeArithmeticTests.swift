import Testing
import TraceModel
import TestSupport

/// Time arithmetic is total: no Int64 time a trace can carry traps, and none wraps around.
@Suite struct TimeArithmeticTests {
    @Test func differencesSaturateInsteadOfWrapping() {
        let lo = Timestamp(unixNanos: -9_000_000_000_000_000_000)
        let hi = Timestamp(unixNanos: 9_000_000_000_000_000_000)
        #expect(hi - lo == Nanoseconds(.max))
        #expect(lo - hi == Nanoseconds(.min))
        #expect(Timestamp(unixNanos: 1) - Timestamp(unixNanos: .max) == Nanoseconds(-9_223_372_036_854_775_806))
        #expect(Timestamp.max + Nanoseconds(1) == .max)
        #expect(Timestamp.min - Nanoseconds(1) == .min)
        #expect(Timestamp.min + Nanoseconds(.min) == .min)
        #expect(Nanoseconds(.max) + Nanoseconds(.max) == Nanoseconds(.max))
        #expect(Nanoseconds(.min) - Nanoseconds(1) == Nanoseconds(.min))
        #expect(-Nanoseconds(.min) == Nanoseconds(.max))
        #expect(Nanoseconds(.min).magnitude == Nanoseconds(.max))
        #expect(Nanoseconds.seconds(.max) == Nanoseconds(.max))
        #expect(Nanoseconds.milliseconds(.min) == Nanoseconds(.min))
        #expect(Timestamp.microseconds(-.max) == .min)
    }

    @Test func ratiosAndConversionsAreFinite() {
        #expect(Nanoseconds(5).ratio(to: .zero) == 0)
        #expect(Nanoseconds(5).ratio(to: Nanoseconds(-3)) == 0)
        #expect(Nanoseconds(.max).ratio(to: Nanoseconds(1)).isFinite)
        #expect(Timestamp(unixNanos: .max).fraction(from: .min, to: .max) == 1)
        #expect(Timestamp(unixNanos: .min).fraction(from: .min, to: .max) == 0)
        #expect(Timestamp(unixNanos: 0).fraction(from: .max, to: .min) == 0)
        #expect(TimeMath.int(.nan) == 0)
        #expect(TimeMath.int(.infinity) == .max)
        #expect(TimeMath.int(-.infinity) == .min)
        #expect(TimeMath.int(1e300) == .max)
        #expect(TimeMath.midpoint(.max, .max) == .max)
        #expect(TimeMath.midpoint(.min, .max) == -1)
        #expect(TimeMath.wideDifference(.max, .min) == 18_446_744_073_709_551_615.0)
    }

    @Test func randomSumsAndDifferencesMatchWideArithmetic() {
        var rng = SplitMix64(seed: 10)
        for _ in 0..<2000 {
            let a = ExtremeTimes.time(&rng), b = ExtremeTimes.time(&rng)
            let wideSum = Double(a) + Double(b), wideDifference = Double(a) - Double(b)
            let sum = TimeMath.add(a, b), difference = TimeMath.subtract(a, b)
            // Exact where it fits, the nearer end of Int64 where it does not.
            if a.addingReportingOverflow(b).overflow { #expect(sum == (wideSum < 0 ? .min : .max)) } else { #expect(sum == a + b) }
            if a.subtractingReportingOverflow(b).overflow {
                #expect(difference == (wideDifference < 0 ? .min : .max))
            } else {
                #expect(difference == a - b)
            }
        }
    }

    @Test func theIssueTraceBuildsATreeSelfTimesAndASummary() {
        let trace = ExtremeTimes.issueTrace().trace(at: 0)
        let tree = TraceTree(trace)
        let selfTimes = tree.selfTimes(trace)
        #expect(selfTimes[trace.local("root")] == Nanoseconds(.max))
        let summary = TraceSummary(trace)
        #expect(summary.duration == Nanoseconds(.max))
        #expect(DurationFormat.string(summary.duration) == "2562047h47m")
        #expect(DurationFormat.string(trace[trace.local("child")].duration).hasPrefix("-"))
    }

    @Test func randomExtremeTracesBuildTreesSelfTimesSummariesAndText() {
        var rng = SplitMix64(seed: 0x7157)
        for round in 0..<300 {
            let table = ExtremeTimes.randomTrace(&rng, spans: 1 + round % 12)
            for trace in table.allTraces {
                let tree = TraceTree(trace)
                let selfTimes = tree.selfTimes(trace)
                for i in 0..<trace.spanCount {
                    let d = trace[i].duration
                    // Self time never exceeds a positive duration and is never negative.
                    #expect(selfTimes[i] >= .zero)
                    if d > .zero { #expect(selfTimes[i] <= d) }
                    _ = DurationFormat.string(d)
                    _ = TimestampFormat.rfc3339(trace[i].start)
                    _ = TimestampFormat.utc(trace[i].end)
                }
                let summary = TraceSummary(trace)
                #expect(summary.duration == summary.end - summary.start)
            }
        }
    }
}
