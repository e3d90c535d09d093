import Testing
import TerminalCore
import TraceModel
@testable import ExplorerUI

/// The latency plot's axes: 1-2-5 rounding and ticks of the logarithmic duration axis, the
/// linear one from 0, the boundaries that map values to dots and back, and the extremes (zero
/// durations, one trace, every trace at one instant, durations and times at the ends of Int64).
@Suite struct LatencyAxisTests {
    static let ms: Int64 = 1_000_000

    @Test func aLogarithmicAxisRoundsToOneTwoFiveAndTicksEveryRoundNumberWhenThereIsRoom() {
        let axis = LatencyDurationAxis(durations: (3 * Self.ms)...(7_000 * Self.ms), scale: .logarithmic, rows: 40)
        #expect(axis.low == 2e6 && axis.high == 1e10)
        #expect(axis.ticks == [2e6, 5e6, 1e7, 2e7, 5e7, 1e8, 2e8, 5e8, 1e9, 2e9, 5e9, 1e10])
        // Too many for 12 rows: the powers of ten (and the top).
        let short = LatencyDurationAxis(durations: (3 * Self.ms)...(7_000 * Self.ms), scale: .logarithmic, rows: 12)
        #expect(short.ticks == [1e7, 1e8, 1e9, 1e10])
        let notADecade = LatencyDurationAxis(durations: (3 * Self.ms)...(4_000 * Self.ms), scale: .logarithmic, rows: 12)
        #expect(notADecade.ticks == [1e7, 1e8, 1e9, 5e9])
        // Half way up a log axis is the geometric mean.
        #expect(abs(axis.value(at: 0.5) - (2e6 * 1e10).squareRoot()) < 1)
    }

    @Test func aLinearAxisStartsAtZeroAndEndsOnARoundStep() {
        let axis = LatencyDurationAxis(durations: (3 * Self.ms)...(7_300 * Self.ms), scale: .linear, rows: 20)
        #expect(axis.low == 0)
        #expect(axis.high == 8e9, "7.3 s rounds up to 8 s on a step of 2 s")
        #expect(axis.ticks == [0, 2e9, 4e9, 6e9, 8e9])
        #expect(axis.value(at: 0.25) == 2e9)
    }

    @Test func boundariesPutEachValueInTheDotWhoseRangeHoldsIt() {
        let axis = LatencyDurationAxis(durations: (1 * Self.ms)...(1_000 * Self.ms), scale: .logarithmic, rows: 10)
        let dots = axis.boundaries(dots: 40)
        #expect(dots.values.count == 41 && dots.values.first == 0 && dots.values.last == 1_000 * Self.ms)
        #expect(zip(dots.values, dots.values.dropFirst()).allSatisfy { $0 <= $1 }, "never decreasing")
        // 1 ms to 1 s over 40 dots: 3 decades, a decade every 13.3 dots; 10 ms is at 13.3, in dot 13.
        #expect(dots.dot(of: 10 * Self.ms) == 13)
        #expect(dots.dot(of: 0) == 0 && dots.dot(of: 1) == 0, "under the axis: the lowest dot")
        #expect(dots.dot(of: 1_000 * Self.ms) == 39 && dots.dot(of: .max) == 39, "the top and above: the highest dot")
        // Every dot's range holds exactly the values mapped to it: its ends, and just outside them.
        for dot in 0..<40 {
            let range = dots.range(ofDots: dot, dot)
            guard range.low <= range.high else { continue }
            #expect(dots.dot(of: range.low) == dot && dots.dot(of: range.high) == dot, "dot \(dot): \(range)")
            if dot > 0 { #expect(dots.dot(of: range.low - 1) == dot - 1) }
            if dot < 39 { #expect(dots.dot(of: range.high + 1) == dot + 1) }
        }
    }

    @Test func anAxisWithFewerValuesThanDotsHasEmptyDotsAndStillPlacesEveryValue() {
        // Durations of 0 and 1 ns on a linear axis of 0...1 ns over 16 dots.
        let axis = LatencyDurationAxis(durations: 0...1, scale: .linear, rows: 4)
        let dots = axis.boundaries(dots: 16)
        #expect(dots.dot(of: 0) == 0, "0 at the bottom")
        #expect(dots.dot(of: 1) == 15, "1 ns at the top")
        let middle = dots.range(ofDots: 5, 5)
        #expect(middle.low > middle.high, "a dot between the two values holds none")
    }

    @Test func equalDurationsAreDrawnInTheMiddleAndZeroDurationsAtTheBottom() {
        let same = LatencyDurationAxis(durations: (100 * Self.ms)...(100 * Self.ms), scale: .logarithmic, rows: 10)
        #expect(same.low == 5e7 && same.high == 2e8)
        let dots = same.boundaries(dots: 40)
        #expect((18...21).contains(dots.dot(of: 100 * Self.ms)), "\(dots.dot(of: 100 * Self.ms))")
        let zeros = LatencyDurationAxis(durations: 0...0, scale: .logarithmic, rows: 10)
        #expect(zeros.low == 1 && zeros.high == 2)
        #expect(zeros.boundaries(dots: 40).dot(of: 0) == 0)
        let linearZeros = LatencyDurationAxis(durations: 0...0, scale: .linear, rows: 10)
        #expect(linearZeros.low == 0 && linearZeros.high > 0)
        #expect(linearZeros.boundaries(dots: 40).dot(of: 0) == 0)
    }

    @Test func theLongestDurationThereIsFitsOnBothAxes() {
        for scale in [DurationScale.logarithmic, .linear] {
            let axis = LatencyDurationAxis(durations: 0...Int64.max, scale: scale, rows: 20)
            #expect(axis.high >= Double(Int64.max), "\(scale)")
            let dots = axis.boundaries(dots: 80)
            #expect(dots.values.last == .max, "\(scale): the top boundary saturates")
            #expect(dots.dot(of: .max) == 79 && dots.dot(of: 0) == 0, "\(scale)")
            #expect(zip(dots.values, dots.values.dropFirst()).allSatisfy { $0 <= $1 })
            #expect(!LatencyDurationAxis.label(axis.high, ascii: false).isEmpty)
        }
    }

    @Test func theTimeAxisWidensASingleInstantAndSpansTheWholeInt64Range() {
        let t = TraceFixtureTime.origin
        let single = LatencyTimeRange(starts: t...t)
        #expect(single.first == t - 500 * Self.ms && single.last == t + 500 * Self.ms)
        let dots = single.boundaries(dots: 60)
        #expect(dots.dot(of: t) == 30, "one instant: the middle")

        let whole = LatencyTimeRange(starts: Int64.min...Int64.max)
        let wide = whole.boundaries(dots: 320)
        #expect(wide.values.first == .min && wide.values.last == .max)
        #expect(zip(wide.values, wide.values.dropFirst()).allSatisfy { $0 < $1 })
        #expect(wide.dot(of: .min) == 0 && wide.dot(of: .max) == 319 && wide.dot(of: 0) == 160)

        let atTheEnd = LatencyTimeRange(starts: Int64.max...Int64.max)
        #expect(atTheEnd.first < atTheEnd.last, "widened towards the past when the future saturates")
        #expect(atTheEnd.boundaries(dots: 10).dot(of: .max) == 9)
    }

    @Test func heatShadesAreLogarithmicUpToTheFullestCell() {
        let shades = HeatShades(maximum: 10_000)
        #expect(shades.thresholds == [10, 100, 1_000])
        #expect([0, 1, 9, 10, 99, 100, 999, 1_000, 10_000].map(shades.shade) == [0, 1, 1, 2, 2, 3, 3, 4, 4])
        #expect(shades.ranges.map { [$0.low, $0.high] } == [[1, 9], [10, 99], [100, 999], [1_000, 10_000]])
        // One trace a cell at most: every trace in the fullest shade.
        let one = HeatShades(maximum: 1)
        #expect(one.shade(1) == 4 && one.ranges.map(\.shade) == [4])
        let two = HeatShades(maximum: 2)
        #expect(two.shade(1) == 1 && two.shade(2) == 4 && two.ranges.map(\.shade) == [1, 4])
    }
}

/// The fixture's origin (2023-11-14), for times near real ones.
private enum TraceFixtureTime {
    static let origin: Int64 = 1_700_000_000_000_000_000
}
