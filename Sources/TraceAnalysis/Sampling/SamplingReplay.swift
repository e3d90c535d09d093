import TraceModel

/// Replays saved traces through a sampling policy and says what it keeps and what it loses:
/// traces and spans kept (the share of storage), error traces and slow traces (p99 and above)
/// kept, root operations that vanish entirely, and the p95 and p99 of duration a metrics query
/// would report on the kept traces next to the true ones. Deterministic for a seed.
public enum SamplingReplay {
    public static func run(_ traces: [SampledTrace], policy: SamplingPolicy, seed: UInt64 = 0) -> SamplingOutcome {
        run(SamplingPopulation(traces), policy: policy, seed: seed)
    }

    /// One policy over a population several policies share.
    public static func run(_ population: SamplingPopulation, policy: SamplingPolicy, seed: UInt64 = 0) -> SamplingOutcome {
        let traces = population.traces
        let kept = decide(traces, policy: policy, seed: seed)
        var outcome = SamplingOutcome(policy: policy.label, population: population, kept: kept)
        switch policy {
        case .head(let p):
            outcome.partialTraces = partialTraces(traces, probability: p, seed: seed)
        case .headAndTail(let p, _, let matches):
            // The tail keeps its matches whole (it decides once the trace is complete); the rest
            // is up to the services' head decisions.
            outcome.partialTraces = partialTraces(traces.filter { !matches.contains($0.id) }, probability: p, seed: seed)
        default:
            break
        }
        return outcome
    }

    /// Which traces the policy keeps (a flag per trace, in the given order).
    public static func decide(_ traces: [SampledTrace], policy: SamplingPolicy, seed: UInt64) -> [Bool] {
        switch policy {
        case .head(let p):
            return traces.map { HeadDecision.keeps($0.id, probability: p, seed: seed) }
        case .tail(_, let matches):
            return traces.map { matches.contains($0.id) }
        case .headAndTail(let p, _, let matches):
            return traces.map { matches.contains($0.id) || HeadDecision.keeps($0.id, probability: p, seed: seed) }
        case .rate(let perSecond):
            return rateLimited(traces, perSecond: perSecond)
        case .adaptive(let perSecond, let minimum):
            return adaptive(traces, perSecond: perSecond, minimumPerOperation: minimum)
        }
    }

    /// A token bucket holding at most one second's worth (at least one token), full at the start,
    /// refilled continuously on the traces' own timeline; a trace is kept when a token is there.
    static func rateLimited(_ traces: [SampledTrace], perSecond: Double) -> [Bool] {
        var kept = [Bool](repeating: false, count: traces.count)
        let capacity = max(1, perSecond)
        var tokens = capacity
        var last: Int64?
        for i in traces.indices.sorted(by: { (traces[$0].start, traces[$0].id) < (traces[$1].start, traces[$1].id) }) {
            let now = traces[i].start.unixNanos
            if let last { tokens = min(capacity, tokens + Double(now - last) / 1e9 * perSecond) }
            last = now
            // A token's worth up to rounding: ten tenths of a token make one.
            if tokens >= 1 - 1e-9 {
                tokens = max(0, tokens - 1)
                kept[i] = true
            }
        }
        return kept
    }

    /// Per minute of the timeline: first each root operation's `minimumPerOperation` earliest
    /// traces, then the earliest others until the minute's budget (`perSecond` × 60) is spent.
    static func adaptive(_ traces: [SampledTrace], perSecond: Double, minimumPerOperation: Int) -> [Bool] {
        var kept = [Bool](repeating: false, count: traces.count)
        let minute: Int64 = 60_000_000_000
        let byMinute = Dictionary(grouping: traces.indices) { i -> Int64 in
            let t = traces[i].start.unixNanos
            return t >= 0 ? t / minute : (t - minute + 1) / minute
        }
        let budget = Int((perSecond * 60).rounded(.down))
        for (_, indices) in byMinute {
            let ordered = indices.sorted { (traces[$0].start, traces[$0].id) < (traces[$1].start, traces[$1].id) }
            var perOperation: [String: Int] = [:]
            var spent = 0
            for i in ordered where perOperation[traces[i].rootOperation, default: 0] < minimumPerOperation {
                perOperation[traces[i].rootOperation, default: 0] += 1
                kept[i] = true
                spent += 1
            }
            for i in ordered where !kept[i] && spent < budget {
                kept[i] = true
                spent += 1
            }
        }
        return kept
    }

    /// Head sampling decided by each service on its own (the sampling decision not propagated):
    /// how many traces come out partial, with the spans of some of their services and not
    /// others. A service keeps a trace's spans when its own hash of the trace id passes.
    public static func partialTraces(_ traces: [SampledTrace], probability: Double, seed: UInt64) -> Int {
        traces.count { trace in
            let services = trace.spansPerService.keys
            guard services.count > 1 else { return false }
            let keeping = services.count { HeadDecision.keeps(trace.id, probability: probability, seed: seed ^ HeadDecision.hash($0)) }
            return keeping > 0 && keeping < services.count
        }
    }
}

/// The head decision: the trace id's low 64 bits mixed with the seed (SplitMix64), kept when
/// below the probability's share of 2^64, so one trace gets the same decision every time.
public enum HeadDecision {
    public static func keeps(_ id: TraceID, probability: Double, seed: UInt64) -> Bool {
        if probability >= 1 { return true }
        if probability <= 0 { return false }
        return mix(id.low ^ seed) < UInt64(probability * 18_446_744_073_709_551_615.0)
    }

    /// SplitMix64's finaliser.
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// FNV-1a of a name, to give each service a seed of its own.
    static func hash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
}
