import TraceAnalysis
import TraceModel
import TraceStore

extension Workspace {
    /// A trace together with every trace its analysis can refer to, from every source: what
    /// `trex analyze` and the explorer's waterfall both analyse, so they find the same things.
    ///
    /// A broken propagation pairs a root SERVER span with a CLIENT span of another trace whose
    /// times overlap within the skew allowance, the best client per server winning. So the
    /// traces overlapping this one (widened by the allowance) hold every partner of its spans,
    /// and the traces overlapping those partners' root SERVER spans (widened) every rival
    /// client: on those, `TraceSetIndex` finds for this trace what it finds with every trace
    /// loaded. Orphans' parents are looked up by span id. O(spans of the traces loaded), plus
    /// one scan of span ids when the trace has orphans. Nil when no source has the trace.
    public func analysisSubject(_ id: TraceID) throws -> AnalysisSubject? {
        let own = try loadTraces([id])
        guard let ownIndex = own.traceIndex(of: id) else { return nil }
        let trace = own.trace(at: ownIndex)
        let summary = TraceSummary(trace)
        var ids = Set(try traceIDs(overlapping: Self.widened(summary.start, summary.end)))
        let near = try loadTraces(Array(ids))
        var windows: [ClosedRange<Timestamp>] = []
        for span in near.spans where span.kind == .server && !span.parentSpanID.isValid {
            windows.append(Self.widened(span.start, span.end))
        }
        for window in Self.merged(windows) { ids.formUnion(try traceIDs(overlapping: window)) }
        let parents = Set(TraceTree(trace).orphans.map { trace[Int($0)].parentSpanID })
        if !parents.isEmpty {
            for source in sources { ids.formUnion(try source.traceIDs(containingSpans: parents)) }
        }
        ids.insert(id)
        let catalog = ids.count == 1 ? TraceCatalog(table: own) : try catalog(of: Array(ids))
        guard let index = catalog.table.traceIndex(of: id) else { return nil }
        return AnalysisSubject(catalog: catalog, traceIndex: index, neighbours: TraceSetIndex(catalog.table))
    }

    /// The ids of the traces overlapping a window, from every source's summaries.
    func traceIDs(overlapping window: ClosedRange<Timestamp>) throws -> [TraceID] {
        var ids = Set<TraceID>()
        for source in sources { ids.formUnion(try source.traceIDs(overlapping: window)) }
        return Array(ids)
    }

    /// An interval widened by the broken-propagation skew allowance at both ends.
    static func widened(_ start: Timestamp, _ end: Timestamp) -> ClosedRange<Timestamp> {
        let slack = AnalysisThresholds.propagationSkewAllowance
        return (start - Nanoseconds(slack))...(max(start, end) + Nanoseconds(slack))
    }

    /// Overlapping ranges joined. O(n log n).
    static func merged(_ ranges: [ClosedRange<Timestamp>]) -> [ClosedRange<Timestamp>] {
        var out: [ClosedRange<Timestamp>] = []
        for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = out.last, r.lowerBound <= last.upperBound {
                out[out.count - 1] = last.lowerBound...max(last.upperBound, r.upperBound)
            } else {
                out.append(r)
            }
        }
        return out
    }
}
