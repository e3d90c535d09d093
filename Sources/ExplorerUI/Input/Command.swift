/// Everything a key can ask the explorer to do. Keymaps bind keys to commands; the help
/// overlay and docs/keys.md are generated from the same bindings.
public enum Command: Hashable, Sendable {
    // MARK: Movement (every list-like screen)
    case moveDown, moveUp, pageDown, pageUp, halfPageDown, halfPageUp, first, last

    // MARK: Trace list
    case openTrace, cycleSort, reverseSort

    // MARK: Filtering
    case openFilter, clearFilter, nextMatch, previousMatch

    // MARK: Waterfall
    case toggleCollapse, expand, collapse, expandAll, collapseAll, collapseToDepth(Int)
    case zoomToSpan, resetZoom, nextError, previousError
    case toggleCriticalPath, nextCritical, previousCritical, goToParent
    case toggleSkewAdjustment, toggleDetail, focusDetail, followLink, copyValue

    // MARK: Global
    case help, back, quit, redraw

    /// One line for the help overlay.
    public var summary: String {
        switch self {
        case .moveDown: "move down"
        case .moveUp: "move up"
        case .pageDown: "page down"
        case .pageUp: "page up"
        case .halfPageDown: "half a page down"
        case .halfPageUp: "half a page up"
        case .first: "go to the first row"
        case .last: "go to the last row"
        case .openTrace: "open the selected trace's waterfall"
        case .cycleSort: "sort by the next column"
        case .reverseSort: "reverse the sort order"
        case .openFilter: "filter (query language; Enter applies, Esc cancels)"
        case .clearFilter: "clear the filter"
        case .nextMatch: "next span matching the filter"
        case .previousMatch: "previous span matching the filter"
        case .toggleCollapse: "collapse or expand the selected span"
        case .expand: "expand the selected span"
        case .collapse: "collapse the selected span (or go to its parent)"
        case .expandAll: "expand every span"
        case .collapseAll: "collapse every span"
        case .collapseToDepth(let n): "show \(n) level\(n == 1 ? "" : "s") and collapse deeper spans"
        case .zoomToSpan: "zoom the time axis to the selected span"
        case .resetZoom: "reset the zoom"
        case .nextError: "next error span"
        case .previousError: "previous error span"
        case .toggleCriticalPath: "highlight the critical path on or off"
        case .nextCritical: "next span on the critical path"
        case .previousCritical: "previous span on the critical path"
        case .goToParent: "go to the parent span"
        case .toggleSkewAdjustment: "show clock-skew adjusted or raw timings"
        case .toggleDetail: "show or hide the span detail pane"
        case .focusDetail: "move the keys between the waterfall and the detail pane"
        case .followLink: "follow the selected link"
        case .copyValue: "copy the selected value (OSC 52)"
        case .help: "show this help"
        case .back: "go back (close the overlay or the screen)"
        case .quit: "quit (from a sub-view: go back)"
        case .redraw: "redraw the screen"
        }
    }
}
