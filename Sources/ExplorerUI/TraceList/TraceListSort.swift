import TraceModel

/// The trace list's sort order: a column and a direction.
public struct TraceListSort: Sendable, Hashable {
    public enum Column: String, Sendable, CaseIterable {
        case start, service, name, duration, spans, errors, problems, services, matches

        /// The header label.
        public var title: String {
            switch self {
            case .start: "START"
            case .service: "SERVICE"
            case .name: "ROOT SPAN"
            case .duration: "DURATION"
            case .spans: "SPANS"
            case .errors: "ERR"
            case .problems: ProblemMarks.title
            case .services: "SVCS"
            case .matches: "MATCH"
            }
        }

        /// The natural first direction: newest/longest/most first for numbers, A-Z for text.
        var descendingByDefault: Bool {
            switch self {
            case .service, .name: false
            default: true
            }
        }
    }

    public var column: Column
    public var descending: Bool

    public init(column: Column = .start, descending: Bool = true) {
        self.column = column
        self.descending = descending
    }

    /// The next column in the cycle (`s`), in its natural direction. `matches` only takes part
    /// while a filter is active.
    public func next(filterActive: Bool) -> TraceListSort {
        let columns = Column.allCases.filter { filterActive || $0 != .matches }
        let index = columns.firstIndex(of: column) ?? -1
        let column = columns[(index + 1) % columns.count]
        return TraceListSort(column: column, descending: column.descendingByDefault)
    }

    /// The same column, the other way round (`S`).
    public var reversed: TraceListSort { TraceListSort(column: column, descending: !descending) }

    /// Orders trace indices. O(n log n); ties keep start order, so the list never jumps about.
    /// By problems, the most troubled first (`TraceProblems.severityKey`); traces whose
    /// problems are not known yet go after those with none.
    public func order(_ indices: [Int], summaries: [TraceSummary], strings: StringTable,
                      matchCounts: [Int: Int], problems: (Int) -> TraceProblems? = { _ in nil }) -> [Int] {
        func text(_ id: StringID) -> String { strings[id] }
        let keyed: [(index: Int, key: SortKey)] = indices.map { i in
            let s = summaries[i]
            let key: SortKey
            switch column {
            case .start: key = .number(s.start.unixNanos)
            case .duration: key = .number(s.duration.value)
            case .spans: key = .number(Int64(s.spanCount))
            case .errors: key = .number(Int64(s.errorCount))
            case .problems: key = .number(Int64(problems(i)?.severityKey ?? -1))
            case .services: key = .number(Int64(s.services.count))
            case .matches: key = .number(Int64(matchCounts[i] ?? 0))
            case .service: key = .text(text(s.rootService).lowercased())
            case .name: key = .text(text(s.rootName).lowercased())
            }
            return (i, key)
        }
        let descending = self.descending
        return keyed.sorted { a, b in
            if a.key != b.key { return descending ? b.key < a.key : a.key < b.key }
            let sa = summaries[a.index].start
            let sb = summaries[b.index].start
            return sa != sb ? sa < sb : a.index < b.index
        }.map(\.index)
    }

    private enum SortKey: Comparable {
        case number(Int64)
        case text(String)
    }
}
