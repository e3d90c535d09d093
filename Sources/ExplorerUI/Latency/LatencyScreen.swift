import TerminalCore
import TraceModel
import TraceStore

/// The latency screen (`L` from the trace list or a waterfall): the duration of every trace the
/// list shows against its start time, as a scatter plot of dots or a heatmap of counts (Tab),
/// on a logarithmic or linear duration axis (`a`). A cursor cell moves with the arrows; `v`
/// marks a corner and moving stretches a rectangle from it; Enter lists the traces in the
/// rectangle (or the cursor's cell) in the trace list. The mouse drags a rectangle.
///
/// The plot comes from the listing's summaries, never from spans. Laid out once per size,
/// kind of dot and scale (`LatencyGrid`); keys only move the cursor over it.
struct LatencyScreen {
    let listing: TraceListing
    let points: LatencyPoints
    /// How many traces the list holds in all (the plot may show fewer: a filter's).
    let total: Int
    private(set) var scale = DurationScale.logarithmic
    private(set) var heatmap = false
    /// The cursor's cell (column, row of the plot, from its top left).
    private(set) var cursor = Point(x: 0, y: 0)
    /// The rectangle's fixed corner, nil while there is none.
    private(set) var anchor: Point?
    /// The layout for the last area and kind of dot (`layOut`).
    private(set) var grid: LatencyGrid?
    /// The point the cursor starts on (the list's selected trace), until the first layout.
    private var focus: Int?
    /// Whether the cursor has been placed (by the first layout).
    private var placed = false
    /// A left press on the plot whose release makes a rectangle (a drag), or, released where it
    /// was pressed, moves the cursor.
    private var pressed: Point?

    /// The traces at `shown` (indices into the listing) of a list of `listing.count`; the cursor
    /// starts on `selected`'s cell. `scale` and `heatmap` as the screen was last left.
    init(listing: TraceListing, shown: [Int], selected: Int?, scale: DurationScale = .logarithmic, heatmap: Bool = false) {
        self.listing = listing
        points = LatencyPoints(summaries: listing.summaries, indices: shown)
        total = listing.count
        focus = selected.flatMap { trace in points.traces.firstIndex(of: trace) }
        self.scale = scale
        self.heatmap = heatmap
    }

    /// Lays the plot out for `area` (the screen under the headline) and dots of `kind`, unless
    /// it already is. O(points × log dots) when it is not.
    mutating func layOut(in area: Rect, kind: DotCanvas.Kind) {
        if let grid, grid.fits(area, kind, scale) { return }
        grid = LatencyGrid(points: points, area: area, kind: kind, scale: scale)
        guard let grid else { return }
        if let focus {
            cursor = grid.cell(start: points.starts[focus], duration: points.durations[focus])
            self.focus = nil
        } else if !placed {
            cursor = Point(x: grid.plot.width / 2, y: grid.plot.height / 2)
        }
        placed = true
        cursor = grid.clamp(cursor)
        anchor = anchor.map(grid.clamp)
    }

    enum Effect: Equatable {
        case none
        case redraw
        /// List the traces inside this rectangle.
        case list(LatencySelection)
        case flash(String)
    }

    mutating func perform(_ command: Command) -> Effect {
        guard let grid else { return .none }
        let quarterX = max(1, grid.plot.width / 4), quarterY = max(1, grid.plot.height / 4)
        switch command {
        case .moveLeft: move(dx: -1, dy: 0)
        case .moveRight: move(dx: 1, dy: 0)
        case .moveUp: move(dx: 0, dy: -1)
        case .moveDown: move(dx: 0, dy: 1)
        case .jumpLeft: move(dx: -quarterX, dy: 0)
        case .jumpRight: move(dx: quarterX, dy: 0)
        case .jumpUp: move(dx: 0, dy: -quarterY)
        case .jumpDown: move(dx: 0, dy: quarterY)
        case .markCorner:
            anchor = anchor == nil ? cursor : nil
        case .listRectangle:
            return listRectangle()
        case .toggleHeatmap:
            heatmap.toggle()
        case .toggleDurationScale:
            scale = scale == .logarithmic ? .linear : .logarithmic
            relayOut(grid)
        default:
            return .none
        }
        return .redraw
    }

    /// Esc with a rectangle: drops it (Esc without one closes the screen).
    mutating func dropRectangle() {
        anchor = nil
        pressed = nil
    }

    private mutating func move(dx: Int, dy: Int) {
        guard let grid else { return }
        cursor = grid.clamp(Point(x: cursor.x + dx, y: cursor.y + dy))
    }

    /// Lays out again at the same size (the scale changed), the cursor and the rectangle's
    /// corner on the cells of the times and durations they were on.
    private mutating func relayOut(_ old: LatencyGrid) {
        func value(_ cell: Point) -> (start: Int64, duration: Int64) {
            let range = old.selection(cell, cell)
            return (range.startLow, range.durationLow)
        }
        let (here, corner) = (value(cursor), anchor.map(value))
        grid = nil
        layOut(in: old.area, kind: old.kind)
        guard let grid else { return }
        cursor = grid.cell(start: here.start, duration: here.duration)
        anchor = corner.map { grid.cell(start: $0.start, duration: $0.duration) }
    }

    /// The rectangle's corners: the anchor and the cursor, or the cursor's cell alone.
    var corners: (Point, Point) { (anchor ?? cursor, cursor) }

    private func listRectangle() -> Effect {
        guard let grid else { return .none }
        let (a, b) = corners
        guard grid.count(a, b).traces > 0 else { return .flash("No traces there: move the cursor or stretch the rectangle.") }
        return .list(grid.selection(a, b))
    }

    // MARK: - The mouse

    /// A left press at a screen position: on the plot it moves the cursor there and starts a
    /// drag; inside the rectangle it keeps it (a double click there lists it).
    mutating func press(at position: Point) -> Effect {
        guard let cell = grid?.cell(at: position) else { return .none }
        if anchor != nil, inRectangle(cell) {
            pressed = nil
            return .none
        }
        cursor = cell
        anchor = cell
        pressed = cell
        return .redraw
    }

    /// The left button released: after a drag, the rectangle from the press to here; where
    /// it was pressed, just the cursor there.
    mutating func release(at position: Point) -> Effect {
        guard let start = pressed, let grid else { return .none }
        pressed = nil
        let cell = grid.clamp(Point(x: position.x - grid.plot.x, y: position.y - grid.plot.y))
        if cell == start {
            anchor = nil
        } else {
            cursor = cell
        }
        return .redraw
    }

    /// A double click: lists the rectangle's traces when on it (or on the cursor's cell).
    mutating func doubleClick(at position: Point) -> Effect {
        guard let cell = grid?.cell(at: position) else { return .none }
        pressed = nil
        if anchor == nil { cursor = cell }
        guard inRectangle(cell) else { return press(at: position) }
        return listRectangle()
    }

    private func inRectangle(_ cell: Point) -> Bool {
        let (a, b) = corners
        return (min(a.x, b.x)...max(a.x, b.x)).contains(cell.x) && (min(a.y, b.y)...max(a.y, b.y)).contains(cell.y)
    }

    // MARK: - Text

    /// The line above the plot: what is plotted and how.
    func headline(ascii: Bool) -> String {
        let what = points.count == total ? NumberFormat.count(total, "trace")
            : "\(NumberFormat.grouped(points.count)) of \(NumberFormat.count(total, "trace")) (those listed)"
        let errors = points.errorCount
        return "Latency over time · \(what)" + (errors > 0 ? ", \(NumberFormat.grouped(errors)) with errors" : "")
            + " · \(heatmap ? "heatmap" : "scatter") · \(scale.name) durations"
    }

    /// The status line: what the rectangle (or the cursor's cell) holds and covers; a single
    /// trace by its root service, name and duration.
    func status(ascii: Bool) -> String {
        guard let grid else { return "Latency over time: the terminal is too small for the plot." }
        let (a, b) = corners
        let (traces, errors) = grid.count(a, b)
        let selection = grid.selection(a, b)
        var text = (anchor == nil ? "" : "Rectangle: ") + NumberFormat.count(traces, "trace")
        if errors > 0 { text += " (\(NumberFormat.grouped(errors)) with errors)" }
        text += " · " + selection.text(ascii: ascii)
        if traces == 1, let only = points.traces.indices.first(where: {
            selection.contains(start: points.starts[$0], duration: points.durations[$0])
        }) {
            let summary = listing.summaries[points.traces[only]]
            let service = listing.strings[summary.rootService].visiblyEscaped
            let name = listing.strings[summary.rootName].visiblyEscaped
            text += " · \(service) \(name) \(DurationFormat.string(Nanoseconds(points.durations[only]), ascii: ascii))"
        }
        return text
    }
}
