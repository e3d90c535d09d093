/// Everything a key can ask the explorer to do. Keymaps bind keys to commands; the help
/// overlay and docs/keys.md are generated from the same bindings.
public enum Command: Hashable, Sendable {
    // MARK: Movement (every list-like screen)
    case moveDown, moveUp, pageDown, pageUp, halfPageDown, halfPageUp, first, last

    // MARK: Trace list
    case openTrace, cycleSort, reverseSort, goToTrace

    // MARK: Live (trex --listen)
    case jumpToNew, toggleFollow

    // MARK: Other views
    case openServiceMap, openStatistics, openLatency, openLint, openSampling
    /// The lint screen's own: the open trace's findings or the whole set's; the finding's
    /// example span.
    case toggleLintScope, openExample
    /// The sampling screen's own: write the policies.
    case editSamplingPlan
    /// Trace compare: mark a trace as A, compare with it, compare with the baseline; the
    /// compare screen's own.
    case markForCompare, compareWithMarked, compareWithBaseline, toggleChangedOnly
    /// The statistics screen's own.
    case toggleSelfTime, toggleGrouping, compareHalves, compareWindows
    /// The service map's own.
    case mapLeft, mapRight, nextCall, filterToCall
    /// The latency plot's own.
    case moveLeft, moveRight, jumpLeft, jumpRight, jumpUp, jumpDown, markCorner, listRectangle, toggleHeatmap, toggleDurationScale

    // MARK: Filtering
    case openFilter, clearFilter, nextMatch, previousMatch
    /// The trace list's `\`: the latency selection first, then the filter.
    case clearSelectionOrFilter

    // MARK: Waterfall
    case toggleCollapse, expand, collapse, expandAll, collapseAll, collapseToDepth(Int)
    case zoomToSpan, resetZoom, nextError, previousError, nextOrigin, previousOrigin
    case toggleCriticalPath, nextCritical, previousCritical, goToBottleneck, goToParent
    case toggleSkewAdjustment, toggleDetail, focusDetail, followLink, copyValue
    case showFindings, showCriticalTime, showBreakdown, showRawJSON

    // MARK: Global
    case help, back, quit, redraw

    // MARK: The filter bar (printable keys type themselves)
    case applyFilter, cancelFilter, olderFilter, newerFilter
    case deleteBackward, deleteForward, cursorLeft, cursorRight, lineStart, lineEnd
    case clearLine, deleteToLineEnd, deleteWordBackward
    case completeNext, completePrevious

    // MARK: The help overlay
    case closeHelp, scrollDown, scrollUp

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
        case .goToTrace: "go to a trace by any prefix of its id"
        case .jumpToNew: "jump to the traces that arrived (trex --listen)"
        case .toggleFollow: "follow arriving traces on or off (trex --listen)"
        case .openServiceMap: "the service map: which service calls which"
        case .openStatistics: "statistics per operation and per service"
        case .openLint: "lint the instrumentation (trex lint)"
        case .openSampling: "sampling what-if (trex sample)"
        case .toggleLintScope: "the open trace's findings or every trace's"
        case .openExample: "open the selected finding's first example span"
        case .editSamplingPlan: "write the policies to replay (head 1%; tail QUERY ...)"
        case .markForCompare: "mark this trace as A to compare (again: unmark)"
        case .compareWithMarked: "compare this trace (B) with the marked A"
        case .compareWithBaseline: "compare this trace with its baseline (median)"
        case .toggleChangedOnly: "only the paths that changed, or every path"
        case .toggleSelfTime: "duration or self time"
        case .openLatency: "latency over time, by start (again: back)"
        case .toggleGrouping: "per operation or per service"
        case .compareHalves: "compare the first and second half of the time range (again: off)"
        case .compareWindows: "compare two windows you write: START..END START..END"
        case .mapLeft: "the nearest service in the column to the left"
        case .mapRight: "the nearest service in the column to the right"
        case .nextCall: "pick the selected service's next call"
        case .filterToCall: "list the traces through the picked call (or the service)"
        case .moveLeft: "move left"
        case .moveRight: "move right"
        case .jumpLeft: "move a quarter of the plot left"
        case .jumpRight: "move a quarter of the plot right"
        case .jumpUp: "move a quarter of the plot up"
        case .jumpDown: "move a quarter of the plot down"
        case .markCorner: "mark a corner of a rectangle at the cursor (again: drop it)"
        case .listRectangle: "list the traces in the rectangle (or the cursor's cell)"
        case .toggleHeatmap: "a scatter plot of dots or a heatmap of counts"
        case .toggleDurationScale: "a logarithmic or linear duration axis"
        case .openFilter: "filter with the query language"
        case .clearFilter: "clear the filter"
        case .clearSelectionOrFilter: "clear the latency selection, else the filter"
        case .nextMatch: "next span matching the filter"
        case .previousMatch: "previous span matching the filter"
        case .toggleCollapse: "collapse or expand the selected span"
        case .expand: "expand the selected span"
        case .collapse: "collapse the span, or go to its parent"
        case .expandAll: "expand every span"
        case .collapseAll: "collapse every span"
        case .collapseToDepth(let n): "show \(n) level\(n == 1 ? "" : "s") and collapse deeper spans"
        case .zoomToSpan: "zoom the time axis to the selected span"
        case .resetZoom: "reset the zoom"
        case .nextError: "next error span"
        case .previousError: "previous error span"
        case .nextOrigin: "next error that started here (a root cause)"
        case .previousOrigin: "previous error that started here"
        case .toggleCriticalPath: "highlight the critical path on or off"
        case .nextCritical: "next span on the critical path (each once)"
        case .previousCritical: "previous span on the critical path"
        case .goToBottleneck: "go to the bottleneck (the most critical time)"
        case .goToParent: "go to the parent span"
        case .toggleSkewAdjustment: "show clock-skew adjusted or raw timings"
        case .toggleDetail: "show or hide the span detail pane"
        case .showFindings: "every finding and load warning, to jump to"
        case .showCriticalTime: "the spans with the most critical time"
        case .showBreakdown: "where the time went, by service and network"
        case .showRawJSON: "the span's OTLP JSON (Tab: the trace's)"
        case .focusDetail: "move the keys to or from the detail pane"
        case .followLink: "follow the selected link"
        case .copyValue: "copy the selected value (OSC 52)"
        case .help: "show this help"
        case .back: "go back: overlay, last jump, screen; stop a search"
        case .quit: "quit; in a trace, go back as Esc does"
        case .redraw: "redraw the screen"
        case .applyFilter: "apply the filter (an empty filter clears it)"
        case .cancelFilter: "cancel"
        case .olderFilter: "the previous filter from the history"
        case .newerFilter: "the next filter from the history"
        case .deleteBackward: "delete the character before the cursor"
        case .deleteForward: "delete the character under the cursor"
        case .cursorLeft: "move the cursor left"
        case .cursorRight: "move the cursor right"
        case .lineStart: "go to the start of the line"
        case .lineEnd: "go to the end of the line"
        case .clearLine: "clear the line"
        case .deleteToLineEnd: "delete from the cursor to the end of the line"
        case .deleteWordBackward: "delete the word before the cursor"
        case .completeNext: "complete a name or value (again: the next)"
        case .completePrevious: "the previous completion"
        case .closeHelp: "close the help"
        case .scrollDown: "scroll down"
        case .scrollUp: "scroll up"
        }
    }
}
