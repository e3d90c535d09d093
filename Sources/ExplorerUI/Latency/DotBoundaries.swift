import TraceModel

/// Where an axis' rows (or columns) of dots begin: `values[i]` is the lowest value in dot `i`,
/// and `values.last` the highest value the axis holds (the last dot includes it).
///
/// The one mapping from values to dots: drawing puts a point in `dot(of:)`, and a selection of
/// dots becomes the value range `range(ofDots:)`, so the traces a rectangle lists are exactly
/// the ones drawn inside it. Boundaries never decrease; two equal ones make an empty dot (an
/// axis with fewer values than dots).
struct DotBoundaries: Sendable, Equatable {
    /// `dots + 1` values, non-decreasing.
    let values: [Int64]

    init(_ values: [Int64]) {
        precondition(values.count >= 2, "an axis has at least one dot")
        self.values = values
    }

    var dots: Int { values.count - 1 }

    /// The dot holding `value`: the last dot whose lowest value is at most `value` (0 below
    /// the axis, the last dot above it). O(log dots).
    func dot(of value: Int64) -> Int {
        var low = 0, high = dots - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if values[middle] <= value { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The values of dots `first...last` (clamped to the axis), both ends included; empty
    /// (`low > high`) when those dots hold no value.
    func range(ofDots first: Int, _ last: Int) -> (low: Int64, high: Int64) {
        let a = min(max(0, min(first, last)), dots - 1), b = min(max(0, max(first, last)), dots - 1)
        let high = b + 1 == dots ? values[dots] : TimeMath.subtract(values[b + 1], 1)
        return (values[a], high)
    }

    /// `count + 1` boundaries from `low` to `high`: boundary i is `low` plus `offset(i / count)`
    /// rounded up (so a value on a boundary belongs to the dot above it), never below the one
    /// before nor above `high`. The first is `low` and the last `high` exactly.
    static func spread(dots count: Int, low: Int64, high: Int64, offset: (Double) -> Double) -> DotBoundaries {
        let count = max(1, count)
        var values = [Int64](repeating: low, count: count + 1)
        for i in 1..<count {
            // In two halves: from Int64.min, an offset can pass Int64.max and still land inside.
            let whole = offset(Double(i) / Double(count)).rounded(.up), half = (whole / 2).rounded(.up)
            let v = TimeMath.add(TimeMath.add(low, TimeMath.int64(half)), TimeMath.int64(whole - half))
            values[i] = min(max(v, values[i - 1]), high)
        }
        values[count] = max(high, values[count - 1])
        return DotBoundaries(values)
    }
}
