import TraceAnalysis
import TraceModel
import TraceQuery

/// What several sampling policies would keep of the workspace's traces, side by side.
public struct SamplingComparison: Sendable {
    public var traces: Int
    public var spans: Int
    /// The traces' timeline: the first and last start.
    public var firstStart: Timestamp?
    public var lastStart: Timestamp?
    public var seed: UInt64
    /// The plan replayed (the fitted one when none was given).
    public var plan: SamplingPlan
    /// One outcome per policy, in the plan's order.
    public var outcomes: [SamplingOutcome]
}

extension Workspace {
    /// Every trace as a sampling policy sees it, read batch by batch. O(spans).
    public func sampledTraces() throws -> [SampledTrace] {
        var out: [SampledTrace] = []
        try forEachBatch { table in
            for index in table.traces.indices { out.append(SampledTrace(table.trace(at: index))) }
        }
        return out
    }

    /// Replays the traces through each policy of the plan (the fitted plan when it is empty):
    /// what `trex sample` prints and the explorer's sampling screen shows. Tail rules are
    /// evaluated as queries over the workspace. Throws a rule's `QueryDiagnostic` when it does
    /// not parse, or a source's error.
    public func samplingComparison(_ plan: SamplingPlan) throws -> SamplingComparison {
        let traces = try sampledTraces()
        let plan = plan.requests.isEmpty ? SamplingPlan.fitted(to: traces, seed: plan.seed) : plan
        var matches: [String: Set<TraceID>] = [:]
        func matched(_ rule: String) throws -> Set<TraceID> {
            if let known = matches[rule] { return known }
            let found = Set(try query(try Query.parse(rule)).matchedSpanCounts.keys)
            matches[rule] = found
            return found
        }
        var outcomes: [SamplingOutcome] = []
        let population = SamplingPopulation(traces)
        for request in plan.requests {
            let policy: SamplingPolicy
            switch request {
            case .head(let p): policy = .head(p)
            case .rate(let r): policy = .rate(r)
            case .tail(let rule): policy = .tail(label: rule, matches: try matched(rule))
            case .tailAndHead(let rule, let p): policy = .headAndTail(p, label: rule, matches: try matched(rule))
            case .adaptive(let r, let minimum): policy = .adaptive(perSecond: r, minimumPerOperation: minimum)
            }
            outcomes.append(SamplingReplay.run(population, policy: policy, seed: plan.seed))
        }
        let starts = traces.map(\.start)
        return SamplingComparison(traces: traces.count, spans: traces.reduce(0) { $0 + $1.spanCount },
                                  firstStart: starts.min(), lastStart: starts.max(), seed: plan.seed, plan: plan, outcomes: outcomes)
    }
}
