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
        guard let (catalog, neighbours) = try analysisSet([id]), let index = catalog.table.traceIndex(of: id) else {
            return nil
        }
        return AnalysisSubject(catalog: catalog, traceIndex: index, neighbours: neighbours)
    }

    /// `analysisSubject(_:)` for several traces at once: one catalog holding them all with
    /// every neighbour any of them needs, indexed once. Each trace's findings there are what
    /// its own subject gives (a superset of the neighbours a trace needs finds the same, as
    /// all the traces would), at the cost of one load for the lot: what finding the problems
    /// of a page of the list, or of a query's batch, reads. Nil when no source has any of them.
    func analysisSet(_ ids: [TraceID]) throws -> (catalog: TraceCatalog, neighbours: TraceSetIndex)? {
        // Each table is let go before the next is loaded, so the peak is the final catalog's.
        var windows: [ClosedRange<Timestamp>] = []
        var parents = Set<SpanID>()
        var all = Set<TraceID>()
        do {
            let own = try loadTraces(ids)
            guard !own.traces.isEmpty else { return nil }
            for index in own.traces.indices {
                let trace = own.trace(at: index)
                let summary = TraceSummary(trace)
                windows.append(Self.widened(summary.start, summary.end))
                for orphan in TraceTree(trace).orphans { parents.insert(trace[Int(orphan)].parentSpanID) }
                all.insert(trace.id)
            }
        }
        var near = Set<TraceID>()
        for window in Self.merged(windows) { near.formUnion(try traceIDs(overlapping: window)) }
        all.formUnion(near)
        var rivals: [ClosedRange<Timestamp>] = []
        for span in try loadTraces(Array(near)).spans where span.kind == .server && !span.parentSpanID.isValid {
            rivals.append(Self.widened(span.start, span.end))
        }
        for window in Self.merged(rivals) { all.formUnion(try traceIDs(overlapping: window)) }
        if !parents.isEmpty {
            for source in sources { all.formUnion(try source.traceIDs(containingSpans: parents)) }
        }
        let catalog = try catalog(of: Array(all))
        return (catalog, TraceSetIndex(catalog.table))
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
