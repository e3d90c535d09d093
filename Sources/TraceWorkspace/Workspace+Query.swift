import TraceModel
import TraceQuery
import TraceStore

extension Workspace {
    /// Batches streamed through a query or through whole-set work: about this many spans each.
    public static let batchSpans = 200_000

    /// Runs a query over every source, with the same answer as if all traces had been loaded
    /// into one table and `QueryEngine` run there:
    ///
    /// 1. each source narrows the query down to candidate traces (the store's pushdown); a
    ///    source in memory needs none; a store that cannot narrow it is streamed batch by
    ///    batch through the exact evaluation, keeping only the ids of the traces that match;
    /// 2. the traces several sources hold are always candidates (a trace may match only with
    ///    the spans of both) and are merged before evaluation;
    /// 3. the candidates are evaluated exactly, each source's on its own table.
    ///
    /// O(index entries + candidates' spans); a store without pushdown costs a pass over its
    /// spans in bounded memory.
    public func query(_ query: Query) throws -> WorkspaceQueryResult {
        let shared = try sharedTraceIDs()
        var parts: [WorkspaceQueryResult.Part] = []
        var evaluated = 0
        var streamed = false
        for source in sources {
            if source.holdsSpansInMemory, let catalog = source as? TraceCatalog {
                // Already in memory with its summaries: evaluate in place, no copy.
                let traces = shared.isEmpty ? nil
                    : catalog.table.traces.indices.filter { !shared.contains(catalog.table.traces[$0].traceID) }
                parts.append(.init(catalog: catalog, matches: QueryEngine.run(query, on: catalog.table, traces: traces)))
                evaluated += traces?.count ?? catalog.traceCount
                continue
            }
            var candidates: [TraceID]
            if let narrowed = try source.candidateTraceIDs(for: query) {
                candidates = narrowed
            } else {
                streamed = true
                candidates = []
                try source.forEachBatch(spans: Self.batchSpans) { batch in
                    for match in QueryEngine.run(query, on: batch) { candidates.append(batch.traces[match.traceIndex].traceID) }
                }
            }
            if !shared.isEmpty { candidates.removeAll { shared.contains($0) } }
            guard !candidates.isEmpty else { continue }
            let catalog = TraceCatalog(table: try source.loadTraces(candidates))
            parts.append(.init(catalog: catalog, matches: QueryEngine.run(query, on: catalog.table)))
            evaluated += catalog.traceCount
        }
        if !shared.isEmpty {
            let merged = try catalog(of: Array(shared))
            parts.append(.init(catalog: merged, matches: QueryEngine.run(query, on: merged.table)))
            evaluated += merged.traceCount
        }
        return WorkspaceQueryResult(parts: parts, tracesEvaluated: evaluated, streamedASource: streamed)
    }

    /// Why a query that matched nothing may be wrong (`QueryHints`): the hints that hold in
    /// every batch of every source, so that none is true of one batch only ("no span has the
    /// attribute ..." holds for all the data exactly when it holds for each part of it).
    /// Sources in memory are one batch; a store is streamed. O(spans), bounded memory.
    public func hints(for query: Query) throws -> [String] {
        var common: [String]?
        try forEachBatch(spans: Self.batchSpans) { batch in
            let found = QueryHints.check(query, table: batch)
            common = common.map { kept in kept.filter(found.contains) } ?? found
        }
        return common ?? []
    }
}
