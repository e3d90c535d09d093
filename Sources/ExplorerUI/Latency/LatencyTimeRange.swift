import TraceModel

/// The latency plot's x axis: from the earliest start to the latest, both shown. Traces that
/// all start at the same instant get a second around it, so they are drawn in the middle.
struct LatencyTimeRange: Sendable, Equatable {
    let first: Int64
    let last: Int64

    /// How much a single instant is widened to: half of it on each side.
    static let instantWidth: Int64 = 1_000_000_000

    init(starts: ClosedRange<Int64>?) {
        guard let starts else {
            first = 0
            last = Self.instantWidth
            return
        }
        if starts.lowerBound == starts.upperBound {
            let half = Self.instantWidth / 2
            first = TimeMath.subtract(starts.lowerBound, half)
            last = TimeMath.add(starts.upperBound, half)
        } else {
            first = starts.lowerBound
            last = starts.upperBound
        }
    }

    /// `dots + 1` boundaries evenly spread from the first start to the last.
    func boundaries(dots: Int) -> DotBoundaries {
        let span = TimeMath.wideDifference(last, first)
        return DotBoundaries.spread(dots: dots, low: first, high: last) { $0 * span }
    }
}
