import TraceAnalysis
import TraceModel
import TraceStore

extension TraceInputs {
    /// The trace `trex analyze` explains, in a catalog together with every trace its analysis
    /// can refer to: all the files' traces and, from the store, the traces that can take part
    /// in a broken propagation with it and the traces holding its orphans' missing parents.
    ///
    /// A broken propagation pairs a root SERVER span with a CLIENT span of another trace whose
    /// times overlap within the skew allowance, the best client per server winning. So the
    /// traces overlapping this one (widened by the allowance) hold every partner of its spans,
    /// and the traces overlapping those partners' root SERVER spans (widened) every rival
    /// client: on those, `TraceSetIndex` finds for this trace what it finds with every trace
    /// loaded. O(spans of the traces loaded), plus one scan of span ids when it has orphans.
    func traceForAnalysis(_ text: String) throws -> (catalog: TraceCatalog, index: Int) {
        guard let store else { return try trace(text) }
        let (single, index) = try trace(text)
        let trace = single.trace(at: index)
        let summary = single.summaries[index]
        let near = try storeOperation { () throws(StoreError) in
            try store.loadTraces(overlapping: Self.widened(summary.start, summary.end))
        }
        var windows: [ClosedRange<Timestamp>] = []
        for span in near.spans where span.kind == .server && !span.parentSpanID.isValid {
            windows.append(Self.widened(span.start, span.end))
        }
        var ids = Set(near.traces.map(\.traceID))
        for window in Self.merged(windows) {
            ids.formUnion(try storeOperation { () throws(StoreError) in try store.traceIDs(overlapping: window) })
        }
        for orphan in TraceTree(trace).orphans {
            let parent = trace[Int(orphan)].parentSpanID
            ids.formUnion(try storeOperation { () throws(StoreError) in try store.traceIDs(containingSpan: parent) })
        }
        ids.insert(trace.id)
        var tables = [try storeOperation { () throws(StoreError) in try store.loadTraces(Array(ids)) }]
        if let files { tables.append(files.table) }
        let catalog = TraceCatalog(table: SpanTable.merging(tables.filter { !$0.spans.isEmpty }))
        return (catalog, catalog.table.traceIndex(of: trace.id)!)
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
