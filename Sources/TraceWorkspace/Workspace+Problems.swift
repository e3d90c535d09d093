import TraceAnalysis
import TraceModel
import TraceQuery
import TraceStore

extension Workspace {
    /// The problems of these traces (`TraceProblems`: what the trace list marks and
    /// `trace:problem` filters on), found as `trex analyze` finds them, and remembered.
    ///
    /// With one source in memory every trace is analysed against one index of all of them
    /// (built once, O(spans)); otherwise each trace is analysed with its `analysisSubject`, the
    /// neighbours its report reads. Either way the answer is `AnalysisReport.problems` of the
    /// report the explorer and `trex analyze` show. O(spans of the traces) when not known yet.
    /// A trace no source holds has no problem.
    public func problems(of ids: [TraceID]) throws -> [TraceProblems] {
        var found: [(TraceID, TraceProblems)] = []
        defer { problemCache.record(found) }
        var out: [TraceProblems] = []
        out.reserveCapacity(ids.count)
        let memory = single.flatMap { $0 as? TraceCatalog }
        for id in ids {
            if let known = problemCache[id] {
                out.append(known)
                continue
            }
            let problems: TraceProblems
            if let memory {
                if let index = memory.table.traceIndex(of: id) {
                    let others = problemCache.index { TraceSetIndex(memory.table) }
                    problems = TraceProblems(of: memory.trace(at: index), others: others)
                } else {
                    problems = []
                }
            } else if let subject = try analysisSubject(id) {
                problems = TraceProblems(of: subject.trace, others: subject.neighbours)
            } else {
                problems = []
            }
            found.append((id, problems))
            out.append(problems)
        }
        return out
    }

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
