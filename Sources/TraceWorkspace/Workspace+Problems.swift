import TraceAnalysis
import TraceModel
import TraceQuery
import TraceStore

extension Workspace {
    /// The problems of these traces (`TraceProblems`: what the trace list marks and
    /// `trace:problem` filters on), found as `trex analyze` finds them, and remembered.
    ///
    /// With one source in memory every trace is analysed against one index of all of them
    /// (built once, O(spans)); otherwise the traces are analysed a slice at a time with their
    /// `analysisSet`, the neighbours their reports read, loaded once per slice. Either way the answer is `AnalysisReport.problems` of the
    /// report the explorer and `trex analyze` show. O(spans of the traces) when not known yet.
    /// A trace no source holds has no problem.
    public func problems(of ids: [TraceID]) throws -> [TraceProblems] {
        let missing = Array(Set(ids.filter { problemCache[$0] == nil }))
        if !missing.isEmpty { problemCache.record(try findProblems(missing)) }
        return ids.map { problemCache[$0] ?? [] }
    }

    /// Finds the problems of traces not known yet: against the one index of a source in
    /// memory, else with their `analysisSet`, a slice at a time. A trace no source holds has
    /// none.
    private func findProblems(_ ids: [TraceID]) throws -> [(TraceID, TraceProblems)] {
        var found: [(TraceID, TraceProblems)] = []
        if let memory = single as? TraceCatalog {
            let others = problemCache.index { TraceSetIndex(memory.table) }
            for id in ids {
                found.append((id, memory.table.traceIndex(of: id).map {
                    TraceProblems(of: memory.trace(at: $0), others: others)
                } ?? []))
            }
            return found
        }
        for start in stride(from: 0, to: ids.count, by: Self.problemsPerSlice) {
            let slice = Array(ids[start..<min(ids.count, start + Self.problemsPerSlice)])
            guard let (catalog, neighbours) = try analysisSet(slice) else {
                found += slice.map { ($0, []) }
                continue
            }
            for id in slice {
                found.append((id, catalog.table.traceIndex(of: id).map {
                    TraceProblems(of: catalog.trace(at: $0), others: neighbours)
                } ?? []))
            }
        }
        return found
    }

    /// Traces whose problems are found together from a store: their neighbours are loaded once.
    static let problemsPerSlice = 256

    /// A trace's problems if they are known already (never computes them): what the trace list
    /// draws while the rest are found in the background. O(1).
    public func knownProblems(of id: TraceID) -> TraceProblems? { problemCache[id] }

    /// How many traces' problems are known.
    public var knownProblemCount: Int { problemCache.count }

    /// What a query reading `trace:problem` asks of each trace it examines: its problems, from
    /// the cache or found now. A trace that cannot be read has none.
    var problemLookup: TraceProblemLookup {
        { [self] trace in (try? problems(of: [trace.id]).first) ?? [] }
    }
}
