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

    /// Distinct service names over all traces, sorted.
    public var serviceNames: [String] {
        Set(table.resources.map(\.serviceName)).filter { !$0.isEmpty }.map { table.strings[$0] }.sorted()
    }

    // MARK: - Finding traces by id

    public enum LookupError: Error, Equatable, CustomStringConvertible {
        case notHex(String)
        case notFound(String)
        case ambiguous(String, candidates: [TraceID])

        public var description: String {
            switch self {
            case .notHex(let text): return "\"\(text)\" is not a trace id (expected hex digits)"
            case .notFound(let text): return "no loaded trace has an id starting with \(text)"
            case .ambiguous(let text, let candidates):
                let shown = candidates.prefix(5).map(\.hex).joined(separator: ", ")
                return "\(text) matches \(candidates.count) traces (\(shown)\(candidates.count > 5 ? ", ..." : "")); give more digits"
            }
        }
    }

    /// Finds a trace by its full id or a unique hex prefix. A full 16-digit (64-bit) id also
    /// matches its left-padded 128-bit form. O(log traces) for full ids, O(traces) for prefixes.
    public func find(_ text: String) -> Result<Int, LookupError> {
        let hex = text.lowercased()
        guard !hex.isEmpty, hex.utf8.allSatisfy({ HexDigits.value($0) != nil }), hex.count <= 32 else {
            return .failure(.notHex(text))
        }
        if hex.count == 32 || hex.count == 16, let id = TraceID(hex: hex), let index = table.traceIndex(of: id) {
            return .success(index)
        }
        let matches = table.traces.indices.filter { table.traces[$0].traceID.hex.hasPrefix(hex) }
        switch matches.count {
        case 0: return .failure(.notFound(text))
        case 1: return .success(matches[0])
        default: return .failure(.ambiguous(text, candidates: matches.map { table.traces[$0].traceID }))
        }
    }

    /// The shortest id prefix length (at least `minimum`) that tells every loaded trace apart,
    /// like git's abbreviated hashes. O(traces log traces).
    public func uniquePrefixLength(minimum: Int = 8) -> Int {
        let ids = table.traces.map(\.traceID.hex)   // already sorted by id
        var needed = minimum
        for (a, b) in zip(ids, ids.dropFirst()) {
            let common = zip(a.utf8, b.utf8).prefix { $0 == $1 }.count
            needed = max(needed, common + 1)
        }
        return min(needed, 32)
    }
}
