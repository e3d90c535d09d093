/// Comparing two frames to find what must be written to the terminal.
extension Buffer {
    /// The runs of cells that differ from `previous`, row by row, left to right. O(width x height).
    ///
    /// With no previous frame or a different size, every row is one full run (a repaint). A run never
    /// starts on the right half of a wide character, nor ends between its halves. Runs separated by
    /// at most `mergeGap` unchanged cells are merged into one, which costs a few cells but saves a
    /// cursor move.
    public func changes(from previous: Buffer?, mergeGap: Int = 0) -> [CellRun] {
        guard let previous, previous.size == size else {
            return (0..<height).map { CellRun(x: 0, y: $0, cells: row($0)) }
        }
        var runs: [CellRun] = []
        for y in 0..<height {
            let base = y * width
            var x = 0
            var open: (start: Int, end: Int)?  // [start, end) of the run being built
            while x < width {
                guard cells[base + x] != previous.cells[base + x] else {
                    x += 1
                    continue
                }
                var start = x
                if cells[base + x].isContinuation && x > 0 { start = x - 1 }
                var end = x + 1
                if cells[base + x].isWide && end < width { end += 1 }
                if let current = open, start - current.end <= mergeGap {
                    open = (current.start, max(current.end, end))
                } else {
                    if let current = open { runs.append(run(y: y, current.start, current.end)) }
                    open = (start, end)
                }
                x = end
            }
            if let current = open { runs.append(run(y: y, current.start, current.end)) }
        }
        return runs
    }

    /// The run of row `y` from column `start` to `end` (exclusive).
    private func run(y: Int, _ start: Int, _ end: Int) -> CellRun {
        let base = y * width
        return CellRun(x: start, y: y, cells: cells[(base + start)..<(base + end)])
    }
}
