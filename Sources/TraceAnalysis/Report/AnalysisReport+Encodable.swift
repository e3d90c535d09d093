import TraceModel

/// The `--json` form of `trex analyze`. Keys:
///
///     traceId            32 lowercase hex digits
///     clockSkewAdjusted  whether times are the adjusted view
///     durationNanos      earliest start to latest end
///     criticalPathNanos  the critical path's length (what the request's latency was)
///     asyncAfterResponseNanos  time other spans run after the last root ends (async work)
///     problems           the trace's problems at a glance, by their query names
///                        ("error", "clock-skew", ...: `TraceProblems`)
///     criticalPath       [{spanId, startUnixNano, endUnixNano}] in time order
///     criticalShares     [{spanId, criticalNanos, share}] most first (share of
///                        criticalPathNanos, 0...1, four decimals)
///     diagnostics        [{kind, severity, spanIds, message}]
///     nPlusOne           [{parentSpanId, service, operation, statementShape?, spanIds,
///                          totalNanos, batchedNanos}]
///     fanOut             [{parentSpanId, children, maxConcurrency, slowestSpanId}]
///     rootCauses         [spanId] (error origins)
///     errorChains        [{origin, chain: [spanId] root first}]
///     propagatedErrors   [spanId]
///
/// Span ids are 16 lowercase hex digits; times are integer nanoseconds.
extension AnalysisReport: Encodable {
    private enum Keys: String, CodingKey {
        case traceId, clockSkewAdjusted, durationNanos, criticalPathNanos, asyncAfterResponseNanos, problems, criticalPath, criticalShares, diagnostics
        case nPlusOne, fanOut, rootCauses, errorChains, propagatedErrors
    }

    private struct Section: Encodable {
        var spanId: String
        var startUnixNano: Int64
        var endUnixNano: Int64
    }

    private struct Share: Encodable {
        var spanId: String
        var criticalNanos: Int64
        var share: Double
    }

    private struct DiagnosticJSON: Encodable {
        var kind: DiagnosticKind
        var severity: DiagnosticSeverity
        var spanIds: [String]
        var message: String
    }

    private struct NPlusOneJSON: Encodable {
        var parentSpanId: String
        var service: String
        var operation: String
        var statementShape: String?
        var spanIds: [String]
        var totalNanos: Int64
        var batchedNanos: Int64
    }

    private struct FanOutJSON: Encodable {
        var parentSpanId: String
        var children: Int
        var maxConcurrency: Int
        var slowestSpanId: String
    }

    private struct Chain: Encodable {
        var origin: String
        var chain: [String]
    }

    public func encode(to encoder: any Encoder) throws {
        let id: (Int) -> String = { trace[$0].spanID.hex }
        let strings = trace.table.strings
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(trace.id.hex, forKey: .traceId)
        try c.encode(times.isAdjusted, forKey: .clockSkewAdjusted)
        try c.encode(duration.value, forKey: .durationNanos)
        try c.encode(criticalPathDuration.value, forKey: .criticalPathNanos)
        try c.encode(asyncAfterResponse.value, forKey: .asyncAfterResponseNanos)
        try c.encode(problems.elements.map(\.name), forKey: .problems)
        try c.encode(criticalPath.sections.map {
            Section(spanId: id($0.span), startUnixNano: $0.start.unixNanos, endUnixNano: $0.end.unixNanos)
        }, forKey: .criticalPath)
        try c.encode(criticalShares.map {
            Share(spanId: id($0.span), criticalNanos: $0.time.value, share: ($0.share * 10_000).rounded() / 10_000)
        }, forKey: .criticalShares)
        try c.encode(diagnostics.map {
            DiagnosticJSON(kind: $0.kind, severity: $0.severity, spanIds: $0.spans.map(id), message: $0.message)
        }, forKey: .diagnostics)
        try c.encode(fanOut.nPlusOne.map {
            NPlusOneJSON(parentSpanId: id($0.parent), service: strings[$0.service], operation: strings[$0.name],
                         statementShape: $0.statementShape, spanIds: $0.calls.map(id),
                         totalNanos: $0.totalTime.value, batchedNanos: $0.longestTime.value)
        }, forKey: .nPlusOne)
        try c.encode(fanOut.wideFanOuts.map {
            FanOutJSON(parentSpanId: id($0.parent), children: $0.childCount, maxConcurrency: $0.maxConcurrency,
                       slowestSpanId: id($0.slowest))
        }, forKey: .fanOut)
        try c.encode(rootCause.origins.map(id), forKey: .rootCauses)
        try c.encode(rootCause.origins.map { Chain(origin: id($0), chain: rootCause.chain(to: $0).map(id)) },
                     forKey: .errorChains)
        try c.encode(rootCause.propagated.map(id), forKey: .propagatedErrors)
    }
}
