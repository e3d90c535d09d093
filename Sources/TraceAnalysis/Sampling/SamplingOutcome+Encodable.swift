/// JSON for `trex sample --json`: {policy, traces, tracesKept, traceShare, spans, spansKept,
/// storageShare, errorTraces, errorTracesKept, slowTraces, slowTracesKept, vanishedOperations,
/// partialTraces (null without a head decision), p95Nanos: {true, kept}, p99Nanos: {true, kept}}
/// (`kept` is null when nothing is kept).
extension SamplingOutcome: Encodable {
    private enum Keys: String, CodingKey {
        case policy, traces, tracesKept, traceShare, spans, spansKept, storageShare, errorTraces, errorTracesKept
        case slowTraces, slowTracesKept, vanishedOperations, partialTraces, p95Nanos, p99Nanos
    }

    private enum PercentileKeys: String, CodingKey {
        case `true`, kept
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(policy, forKey: .policy)
        try c.encode(traces, forKey: .traces)
        try c.encode(tracesKept, forKey: .tracesKept)
        try c.encode(traceShare, forKey: .traceShare)
        try c.encode(spans, forKey: .spans)
        try c.encode(spansKept, forKey: .spansKept)
        try c.encode(storageShare, forKey: .storageShare)
        try c.encode(errorTraces, forKey: .errorTraces)
        try c.encode(errorTracesKept, forKey: .errorTracesKept)
        try c.encode(slowTraces, forKey: .slowTraces)
        try c.encode(slowTracesKept, forKey: .slowTracesKept)
        try c.encode(vanishedOperations, forKey: .vanishedOperations)
        try c.encode(partialTraces, forKey: .partialTraces)
        for (key, truth, kept) in [(Keys.p95Nanos, trueP95, keptP95), (.p99Nanos, trueP99, keptP99)] {
            var p = c.nestedContainer(keyedBy: PercentileKeys.self, forKey: key)
            try p.encode(truth.value, forKey: .true)
            try p.encode(kept?.value, forKey: .kept)
        }
    }
}
