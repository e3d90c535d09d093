import TraceModel
import TraceQuery
import TraceStore

extension Workspace {
    /// The series of a metrics query (`{ } | rate() by (resource.service.name)`) over every
    /// source: the spans `query(_:)` matches, counted into steps that cover their start times
    /// (`step` long, or a round step chosen for about 60 of them). Nil for a query without a
    /// metrics function.
    ///
    /// - Throws: `MetricsRange.Problem` when the step makes too many steps, or a source's error.
    ///
    /// A workspace that is one backend answering metrics itself (Tempo's query_range) takes its
    /// answer: it counts every span the backend holds in its window, not only the traces trex
    /// fetched.
    public func metrics(_ query: Query, step: Nanoseconds? = nil) throws -> MetricsAnswer? {
        if let backend = single as? any SearchableSource, let result = try backend.metrics(query, window: nil, step: step) {
            return MetricsAnswer(result: result, matches: try self.query(query), answeredBy: backend.backendName)
        }
        if let math = query.math {
            // Metrics arithmetic: each query counted from its own matches, one range for all.
            let found = try math.leaves.map { try self.query($0) }
            let leafMatches = found.map { $0.parts.map { (table: $0.catalog.table, matches: $0.matches) } }
            guard let result = try MetricsEngine.answer(math: query, leafMatches: leafMatches, step: step) else { return nil }
            // The traces any of them counts (`query` answers metrics arithmetic with that union).
            return MetricsAnswer(result: result, matches: try self.query(query))
        }
        guard query.metrics != nil else { return nil }
        let found = try self.query(query)
        let parts = found.parts.map { (table: $0.catalog.table, matches: $0.matches) }
        guard let result = try MetricsEngine.answer(query, matches: parts, step: step) else { return nil }
        return MetricsAnswer(result: result, matches: found)
    }
}

/// A metrics query's series with the traces it read.
public struct MetricsAnswer: Sendable {
    public let result: MetricsResult
    /// The traces whose spans were counted (the query's matches); for a backend's answer, the
    /// matches among the traces trex holds.
    public let matches: WorkspaceQueryResult
    /// The backend that computed the series ("Tempo"), nil when trex counted them.
    public var answeredBy: String?

    public init(result: MetricsResult, matches: WorkspaceQueryResult, answeredBy: String? = nil) {
        self.result = result
        self.matches = matches
        self.answeredBy = answeredBy
    }

    /// How many spans and traces the series count.
    public var inspectedSpans: Int { matches.parts.reduce(0) { $0 + $1.matches.reduce(0) { $0 + $1.matchedSpans.count } } }
    public var inspectedTraces: Int { matches.matchCount }
}
