import TraceModel

/// The trace list's state outside the view: which traces are shown in which order, what the
/// filter matched, and where the cursor is.
public struct TraceListState: Sendable {
    /// Trace indices in display order.
    public private(set) var rows: [Int]
    public private(set) var sort = TraceListSort()
    /// Matched span count per trace index while a filter is active; nil without a filter.
    public private(set) var matchCounts: [Int: Int]?
    /// The most spans a filter matched in one trace (0 without a filter), for the column width.
    public private(set) var maxMatchCount = 0
    /// The active filter's text ("" when none).
    public private(set) var filterText = ""
    /// The latency plot's rectangle the list is restricted to, beside the filter (both must
    /// pass); nil for none.
    public private(set) var selection: LatencySelection?
    /// Changes whenever the set of traces shown changes (a filter, a selection), not their order.
    public private(set) var shownVersion = 0
    public var cursor = ListCursor()

    private let allTraces: [Int]

    public init(traceCount: Int) {
        allTraces = Array(0..<traceCount)
        rows = allTraces
    }

    /// Whether a query filter is applied.
    public var isFiltered: Bool { matchCounts != nil }

    /// Whether some traces are hidden: by a filter or by a latency selection.
    public var isRestricted: Bool { isFiltered || selection != nil }

    /// The trace index under the cursor.
    public var selectedTrace: Int? { rows.indices.contains(cursor.selected) ? rows[cursor.selected] : nil }

    /// Orders rows by `sort`, keeping the selected trace selected.
    /// `problems` answers the problems column (nil while unknown).
    public mutating func setSort(_ sort: TraceListSort, summaries: [TraceSummary], strings: StringTable,
                                 problems: (Int) -> TraceProblems? = { _ in nil }) {
        self.sort = sort
        reorder(summaries: summaries, strings: strings, problems: problems)
    }

    /// Shows only the traces a filter matched (trace index -> matched span count).
    public mutating func applyFilter(_ text: String, matches: [Int: Int], summaries: [TraceSummary],
                                     strings: StringTable, problems: (Int) -> TraceProblems? = { _ in nil }) {
        filterText = text
        matchCounts = matches
        maxMatchCount = matches.values.max() ?? 0
        shownVersion += 1
        reorder(summaries: summaries, strings: strings, problems: problems)
    }

    /// Shows every trace again.
    public mutating func clearFilter(summaries: [TraceSummary], strings: StringTable,
                                     problems: (Int) -> TraceProblems? = { _ in nil }) {
        filterText = ""
        matchCounts = nil
        maxMatchCount = 0
        shownVersion += 1
        if sort.column == .matches { sort = TraceListSort() }
        reorder(summaries: summaries, strings: strings, problems: problems)
    }

    /// Shows only the traces inside a latency rectangle (with the filter's, when one is
    /// applied); nil shows them all again.
    public mutating func setSelection(_ selection: LatencySelection?, summaries: [TraceSummary], strings: StringTable,
                                      problems: (Int) -> TraceProblems? = { _ in nil }) {
        self.selection = selection
        shownVersion += 1
        reorder(summaries: summaries, strings: strings, problems: problems)
    }

    /// Sorts again by the same order (the problems column, once more problems are known),
    /// keeping the selected trace selected.
    public mutating func resort(summaries: [TraceSummary], strings: StringTable, problems: (Int) -> TraceProblems?) {
        reorder(summaries: summaries, strings: strings, problems: problems)
    }

    private mutating func reorder(summaries: [TraceSummary], strings: StringTable, problems: (Int) -> TraceProblems?) {
        let keep = selectedTrace
        var candidates = matchCounts.map { counts in allTraces.filter { counts[$0] != nil } } ?? allTraces
        if let selection { candidates = candidates.filter { selection.contains(summaries[$0]) } }
        rows = sort.order(candidates, summaries: summaries, strings: strings, matchCounts: matchCounts ?? [:],
                          problems: problems)
        cursor.count = rows.count
        if let keep, let index = rows.firstIndex(of: keep) { cursor.select(index) } else { cursor.select(0) }
    }
}
