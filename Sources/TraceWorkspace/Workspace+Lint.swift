import TraceAnalysis
import TraceModel

extension Workspace {
    /// Spans per table the lint reads at once: calls across traces (broken propagation) are
    /// matched within a table, so tables are large. A source in memory is one table.
    public static let lintBatchSpans = 2_000_000

    /// Every lint finding over every trace: what `trex lint` prints and the explorer's lint
    /// panel shows for the whole set. O(spans).
    public func lint() throws -> LintReport {
        var accumulator = LintAccumulator()
        try forEachBatch(spans: Self.lintBatchSpans) { accumulator.add($0) }
        return accumulator.finish()
    }

    /// The lint findings of one trace, read with the neighbours its analysis reads (so calls
    /// from or to other traces are matched): what `trex lint --trace` prints and the explorer's
    /// lint panel shows for the open trace. Nil when no source has the trace.
    public func lint(_ id: TraceID) throws -> LintReport? {
        guard let subject = try analysisSubject(id) else { return nil }
        return subject.lint()
    }
}

extension AnalysisSubject {
    /// The lint findings of the trace, calls matched among its neighbours.
    public func lint() -> LintReport {
        var accumulator = LintAccumulator()
        accumulator.add(catalog.table, traces: [traceIndex], index: neighbours)
        return accumulator.finish()
    }
}
