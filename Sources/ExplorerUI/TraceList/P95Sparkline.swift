import TerminalCore
import TraceAnalysis
import TraceModel

/// The trace list's line above its column titles: the p95 of trace duration over time, one
/// bucket of start times a column, drawn with eighth blocks from the lowest bucket's p95 (`▁`)
/// to the highest's (`█`), a column without traces blank, and the two as labels.
///
/// ```
///  p95 ▁▁▂▁▁▃▁▁▁▂▁▁▇█▅▂▁▁▁▁▂▁▁▁▁▁▁▂▁▁▁▁ 12ms–1.3s
/// ```
///
/// Over the traces the list shows (its filter's and selection's), from the first start to the
/// last. Percentiles by nearest rank, as everywhere (`Percentiles`). Computed when the shown
/// traces or the width change (O(traces log traces)), drawn in O(width).
struct P95Sparkline: Sendable {
    /// The width it was computed for (the whole line).
    let width: Int
    /// p95 per bucket, nil for a bucket without traces.
    let values: [Int64?]
    /// The lowest and highest p95 of a bucket (nil without traces).
    let range: ClosedRange<Int64>?

    /// The label before the blocks, and the room kept after them for the lowest and highest p95.
    static let title = " p95 "
    static let labelWidth = 15

    /// The sparkline of the traces at `rows` (indices into `summaries`) for a line `width` wide.
    init(summaries: [TraceSummary], rows: [Int], width: Int) {
        self.width = width
        let buckets = max(0, width - Self.title.count - Self.labelWidth - 1)
        guard buckets > 0, !rows.isEmpty else {
            values = []
            range = nil
            return
        }
        var first = Int64.max, last = Int64.min
        for row in rows {
            first = min(first, summaries[row].start.unixNanos)
            last = max(last, summaries[row].start.unixNanos)
        }
        // Each trace's bucket, then the durations grouped by bucket (a counting sort).
        var bucketOf = [Int](repeating: buckets / 2, count: rows.count)
        if last > first {
            for (i, row) in rows.enumerated() {
                let fraction = summaries[row].start.fraction(from: Timestamp(unixNanos: first), to: Timestamp(unixNanos: last))
                bucketOf[i] = min(buckets - 1, max(0, Int(fraction * Double(buckets))))
            }
        }
        var offsets = [Int](repeating: 0, count: buckets + 1)
        for b in bucketOf { offsets[b + 1] += 1 }
        for b in 0..<buckets { offsets[b + 1] += offsets[b] }
        var next = offsets
        var durations = [Int64](repeating: 0, count: rows.count)
        for (i, row) in rows.enumerated() {
            durations[next[bucketOf[i]]] = LatencyPoints.duration(of: summaries[row])
            next[bucketOf[i]] += 1
        }
        var values: [Int64?] = []
        values.reserveCapacity(buckets)
        for b in 0..<buckets {
            let slice = offsets[b]..<offsets[b + 1]
            guard !slice.isEmpty else {
                values.append(nil)
                continue
            }
            durations[slice].sort()
            values.append(Percentiles.nearestRank(95, ofSorted: Array(durations[slice])))
        }
        self.values = values
        let present = values.compactMap { $0 }
        range = present.min().flatMap { low in present.max().map { low...$0 } }
    }

    /// The block of a bucket's p95: 1 (lowest) to 8 (highest) eighths; the middle when all are equal.
    func level(_ value: Int64) -> Int {
        guard let range, range.upperBound > range.lowerBound else { return 4 }
        let fraction = TimeMath.ratio(TimeMath.wideDifference(value, range.lowerBound),
                                      TimeMath.wideDifference(range.upperBound, range.lowerBound))
        return 1 + min(7, max(0, Int((fraction * 7).rounded())))
    }

    /// Draws the line in `row`.
    func render(in row: Rect, into buffer: inout Buffer, context: RenderContext) {
        let ascii = !context.glyphs.hasEighthBlocks
        let dim = context.style(.dim)
        buffer.setString(Self.title, x: row.x, y: row.y, style: dim, maxWidth: row.width)
        guard let range else {
            buffer.setTruncated("over time: no traces", x: row.x + Self.title.count, y: row.y,
                                width: row.width - Self.title.count, style: dim)
            return
        }
        let ramp: [Character] = ascii ? ["_", ".", "-", "~", "=", "+", "*", "#"] : ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        let style = context.style(.bar)
        var x = row.x + Self.title.count
        for value in values {
            if let value { buffer.put(Cell(ramp[level(value) - 1], width: 1, style: style), x: x, y: row.y) }
            x += 1
        }
        let low = DurationFormat.string(Nanoseconds(range.lowerBound), ascii: ascii)
        let high = DurationFormat.string(Nanoseconds(range.upperBound), ascii: ascii)
        buffer.setTruncated(low == high ? low : "\(low)–\(high)", x: x + 1, y: row.y,
                            width: min(Self.labelWidth, row.right - x - 1), style: dim, ellipsis: context.glyphs.ellipsis)
    }
}
