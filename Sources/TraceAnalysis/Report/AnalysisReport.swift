import TraceModel

/// Everything trex says about one trace: the critical path with each span's share, every
/// diagnostic, the fan-out and N+1 findings, and the error root causes.
///
/// `trex analyze` prints it; its `Encodable` form is the `--json` output (see
/// AnalysisReport+Encodable.swift for the keys). Spans are local indices here and span ids
/// in the JSON. O(n log n).
public struct AnalysisReport: Sendable {
    public let trace: Trace
    public let options: AnalysisOptions
    /// The times the report used: raw, or adjusted when `options.adjustSkew`.
    public let times: SpanTimes
    public let criticalPath: CriticalPath
    public let diagnostics: [Diagnostic]
    public let clockSkew: ClockSkewAnalysis
    /// The adjusted view (computed only with `options.adjustSkew`).
    public let adjustment: ClockSkewAdjustment?
    public let fanOut: FanOutAnalysis
    public let rootCause: RootCauseAnalysis

    /// Analyses a trace. Pass the set index of all loaded traces to look across traces
    /// (orphans' parents in other traces, broken propagation).
    public init(_ trace: Trace, options: AnalysisOptions = AnalysisOptions(), tree: TraceTree? = nil,
                others: TraceSetIndex? = nil) {
        let context = AnalysisContext(trace, tree: tree)
        let skew = ClockSkewAnalysis(trace, tree: context.tree, domains: context.domains)
        let adjustment = options.adjustSkew
            ? ClockSkewAdjustment(trace, tree: context.tree, domains: context.domains, duplicates: context.duplicates,
                                  maximumShift: options.maximumShift, evidence: skew)
            : nil
        let times = adjustment.map { SpanTimes(trace, adjustment: $0) } ?? SpanTimes(trace)
        let fanOut = FanOutAnalysis(trace, tree: context.tree)
        self.trace = trace
        self.options = options
        self.times = times
        self.adjustment = adjustment
        clockSkew = skew
        self.fanOut = fanOut
        criticalPath = CriticalPath(trace, tree: context.tree, times: times, compatibility: options.compatibility)
        diagnostics = TraceDiagnostics.run(context, skew: skew, fanOut: fanOut, others: others)
        rootCause = RootCauseAnalysis(trace, tree: context.tree)
    }

    /// Earliest start to latest end, in the report's times.
    public var duration: Nanoseconds {
        guard let end = times.ends.max(), let start = times.starts.min() else { return .zero }
        return Nanoseconds(TimeMath.subtract(end, start))
    }

    /// The length of the critical path (summed over the paths of several roots): the latency
    /// it explains. Less than `duration` when asynchronous work outlives the request.
    public var criticalPathDuration: Nanoseconds {
        criticalPath.paths.reduce(.zero) { $0 + $1.duration }
    }

    /// Time after the last root ends during which other spans still run: asynchronous work
    /// after the response (an e-mail sent after checkout answered). The critical path
    /// explains the response's latency, so it is reported apart from it, never as part of a
    /// share. Zero when every span ends by the time its root does.
    public var asyncAfterResponse: Nanoseconds {
        guard let latestEnd = times.ends.max() else { return .zero }
        let rootsEnd = criticalPath.paths.map { times.ends[$0.root] }.max() ?? latestEnd
        return Nanoseconds(max(0, TimeMath.subtract(latestEnd, rootsEnd)))
    }

    /// "+318ms of async work after the response", or nil when there is none: the same words in
    /// `trex analyze` and the explorer's header.
    public var asyncWorkText: String? {
        let async = asyncAfterResponse
        return async > .zero ? "+\(DurationFormat.string(async)) of async work after the response" : nil
    }

    /// The one definition of a span's share, used by `trex analyze` and the explorer alike:
    /// its critical time over the root's latency (`criticalPathDuration`), 0...1.
    public func criticalShare(of span: Int) -> Double {
        criticalPath.criticalTime[span].ratio(to: Nanoseconds(max(criticalPathDuration.value, 1)))
    }

    /// A share as the whole percentage both views print ("64%").
    public static func percent(_ share: Double) -> Int { TimeMath.int((share * 100).rounded()) }

    /// Spans with critical time, most first: (span, critical time, `criticalShare(of:)`).
    public var criticalShares: [(span: Int, time: Nanoseconds, share: Double)] {
        criticalPath.criticalTime.enumerated()
            .filter { $0.element > .zero }
            .sorted { $0.element != $1.element ? $0.element > $1.element : $0.offset < $1.offset }
            .map { ($0.offset, $0.element, criticalShare(of: $0.offset)) }
    }
}
