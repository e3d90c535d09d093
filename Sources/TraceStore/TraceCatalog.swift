import TraceModel

/// The loaded traces with their summaries: what the list views and commands read.
///
/// Built once per load in O(spans); immutable afterwards.
public final class TraceCatalog: Sendable {
    public let table: SpanTable
    /// One summary per trace, indexed like `table.traces`.
    public let summaries: [TraceSummary]
    /// Trace indices ordered by start time (earliest first).
    public let byStart: [Int]

    public init(table: SpanTable) {
        self.table = table
        let summaries = table.traces.indices.map { TraceSummary(table.trace(at: $0)) }
        self.summaries = summaries
        byStart = summaries.indices.sorted {
            summaries[$0].start != summaries[$1].start ? summaries[$0].start < summaries[$1].start : $0 < $1
        }
    }

    public var traceCount: Int { table.traces.count }
    public var spanCount: Int { table.spans.count }

    public func trace(at index: Int) -> Trace { table.trace(at: index) }

    // MARK: - Finding traces by id

    public enum LookupError: Error, Equatable, CustomStringConvertible {
        case empty
        case notFound(String)
        case ambiguous(String, candidates: [TraceIDCandidate])

        public var description: String {
            switch self {
            case .empty: return "no trace id given"
            case .notFound(let text): return "no loaded trace has an id starting with \(text)"
            case .ambiguous(let text, let candidates):
                let shown = candidates.prefix(5).map(\.shown).joined(separator: ", ")
                return "\(text) matches \(candidates.count) traces (\(shown)\(candidates.count > 5 ? ", ..." : "")); give more digits"
            }
        }
    }

    /// Finds a trace by its id as people write it (`TraceIDPattern`): the whole id in any of
    /// its forms (32 digits, 16 for a 64-bit id, 31 when Jaeger drops a leading zero, the text
    /// a non-hex id was written as) or a unique prefix of one. A whole id wins over longer ids
    /// it is a prefix of. O(log traces) for whole ids, O(traces) for prefixes.
    public func find(_ text: String) -> Result<Int, LookupError> {
        guard let pattern = TraceIDPattern(text) else { return .failure(.empty) }
        if let id = pattern.wholeID, let index = table.traceIndex(of: id),
           pattern.isWhole(id, written: table.writtenID(of: id)) {
            return .success(index)
        }
        let written = table.writtenTraceIDs
        let matches = table.traces.indices.filter {
            let id = table.traces[$0].traceID
            return pattern.matches(id, written: written.isEmpty ? nil : written[id])
        }
        switch matches.count {
        case 0: return .failure(.notFound(text))
        case 1: return .success(matches[0])
        default:
            if let whole = matches.first(where: {
                let id = table.traces[$0].traceID
                return pattern.isWhole(id, written: table.writtenID(of: id))
            }) { return .success(whole) }
            return .failure(.ambiguous(text, candidates: matches.map {
                let id = table.traces[$0].traceID
                return TraceIDCandidate(id: id, shown: table.shownID(of: id))
            }))
        }
    }
}
