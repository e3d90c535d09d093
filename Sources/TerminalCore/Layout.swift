/// Splitting a rectangle into parts along one axis, by constraints.
public enum Axis: Hashable, Sendable {
    /// Parts side by side, left to right (the width is shared).
    case horizontal
    /// Parts stacked, top to bottom (the height is shared).
    case vertical
}

/// How much of the shared length one part of a split gets.
public enum Constraint: Hashable, Sendable {
    /// Exactly this many cells (less if there is not enough room).
    case length(Int)
    /// This percentage of the whole length (after spacing).
    case percentage(Int)
    /// At least this many cells, plus a weight-1 share of what is left.
    case min(Int)
    /// A share of what is left after the fixed parts, proportional to the weight.
    case fill(Int)
}

extension Rect {
    /// The rectangle cut into `constraints.count` parts along `axis`, `spacing` cells apart. O(n).
    ///
    /// Fixed parts (`length`, `percentage`, the floor of `min`) are served first, in order, and are
    /// cut from the end when they do not fit; the rest is shared by `fill` and `min` parts by weight,
    /// with rounding leftovers going to the last of them. The parts always tile the rectangle.
    public func split(_ axis: Axis, _ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        guard !constraints.isEmpty else { return [] }
        let whole = axis == .horizontal ? width : height
        let gaps = max(0, spacing) * (constraints.count - 1)
        let available = max(0, whole - gaps)
        var lengths = [Int](repeating: 0, count: constraints.count)
        var remaining = available
        var weights = [Int](repeating: 0, count: constraints.count)
        for (i, constraint) in constraints.enumerated() {
            let wanted: Int
            switch constraint {
            case .length(let n): wanted = Swift.max(0, n)
            case .percentage(let p): wanted = available * Swift.min(Swift.max(p, 0), 100) / 100
            case .min(let n): wanted = Swift.max(0, n); weights[i] = 1
            case .fill(let w): wanted = 0; weights[i] = Swift.max(0, w)
            }
            lengths[i] = Swift.min(wanted, remaining)
            remaining -= lengths[i]
        }
        let totalWeight = weights.reduce(0, +)
        if totalWeight > 0, remaining > 0 {
            var given = 0
            var lastWeighted = 0
            for i in weights.indices where weights[i] > 0 {
                let share = remaining * weights[i] / totalWeight
                lengths[i] += share
                given += share
                lastWeighted = i
            }
            lengths[lastWeighted] += remaining - given
        }
        var parts: [Rect] = []
        parts.reserveCapacity(constraints.count)
        var offset = axis == .horizontal ? x : y
        for length in lengths {
            switch axis {
            case .horizontal: parts.append(Rect(x: offset, y: y, width: length, height: height))
            case .vertical: parts.append(Rect(x: x, y: offset, width: width, height: length))
            }
            offset += length + Swift.max(0, spacing)
        }
        return parts
    }
}
