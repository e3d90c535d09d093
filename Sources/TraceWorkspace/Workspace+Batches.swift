import TraceModel
import TraceStore

extension Workspace {
    /// Calls `body` with every trace of every source, in tables of whole traces of about
    /// `spans` spans (a source in memory passes its table at once), each trace exactly once:
    /// the traces several sources hold come last, merged, in batches of their own. What
    /// `stats`, `deps`, `convert` and `export` stream through. Memory: one batch plus the ids.
    public func forEachBatch(spans: Int = Workspace.batchSpans, _ body: (SpanTable) throws -> Void) throws {
        let shared = try sharedTraceIDs()
        for source in sources {
            try source.forEachBatch(spans: spans) { batch in
                guard !shared.isEmpty else { return try body(batch) }
                let kept = batch.traces.indices.filter { !shared.contains(batch.traces[$0].traceID) }
                guard !kept.isEmpty else { return }
                try body(kept.count == batch.traces.count ? batch : batch.copying(traces: kept))
            }
        }
        let ids = shared.sorted()
        // Shared traces are at most as many as the smaller source's; 1,000 traces a batch.
        for start in stride(from: 0, to: ids.count, by: 1_000) {
            let table = try loadTraces(Array(ids[start..<min(ids.count, start + 1_000)]))
            if !table.spans.isEmpty { try body(table) }
        }
    }
}
