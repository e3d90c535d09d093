import TraceModel
import TraceQuery
import TraceStore

extension Workspace {
    /// Batches streamed through a query or through whole-set work: about this many spans each.
    public static let batchSpans = 50_000

    /// Runs a query over every source, with the same answer as if all traces had been loaded
    /// into one table and `QueryEngine` run there:
    ///
    /// 1. each source narrows the query down to candidate traces (the store's pushdown); a
    ///    source in memory needs none; a store that cannot narrow it is streamed batch by
    ///    batch through the exact evaluation, keeping only the traces that match;
    /// 2. the traces several sources hold are always candidates (a trace may match only with
    ///    the spans of both) and are merged before evaluation;
    /// 3. the candidates are evaluated exactly, a slice at a time, each source's on its own
    ///    table; only the matching traces are kept.
    ///
    /// O(index entries + candidates' spans); a store without pushdown costs a pass over its
    /// spans. Memory: one slice or batch plus the matches.
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
                parts.append(.init(catalog: catalog, matches: QueryEngine.run(query, on: catalog.table, traces: traces,
                                                                                     problems: problemLookup)))
                evaluated += traces?.count ?? catalog.traceCount
                continue
            }
            guard var candidates = try source.candidateTraceIDs(for: query) else {
                // No pushdown: every batch is evaluated as it streams by, its matches kept.
                streamed = true
                try source.forEachBatch(spans: Self.batchSpans) { batch in
                    let kept = shared.isEmpty ? batch.traces.indices.map { $0 }
                        : batch.traces.indices.filter { !shared.contains(batch.traces[$0].traceID) }
                    guard !kept.isEmpty else { return }
                    let table = kept.count == batch.traces.count ? batch : batch.copying(traces: kept)
                    evaluated += table.traces.count
                    try findProblemsFirst(for: query, in: table)
                    if let part = Self.matchesOnly(query, in: table, problems: problemLookup) { parts.append(part) }
                }
                continue
            }
            if !shared.isEmpty { candidates.removeAll { shared.contains($0) } }
            // Candidates are loaded a slice at a time and only the matches are kept, so a query
            // that narrows little holds one slice and its matches, never every candidate.
            for start in stride(from: 0, to: candidates.count, by: Self.candidatesPerSlice) {
                let slice = Array(candidates[start..<min(candidates.count, start + Self.candidatesPerSlice)])
                let table = try source.loadTraces(slice)
                evaluated += table.traces.count
                try findProblemsFirst(for: query, in: table)
                if let part = Self.matchesOnly(query, in: table, problems: problemLookup) { parts.append(part) }
            }
        }
        if !shared.isEmpty {
            let merged = try catalog(of: Array(shared))
            try findProblemsFirst(for: query, in: merged.table)
            parts.append(.init(catalog: merged, matches: QueryEngine.run(query, on: merged.table, problems: problemLookup)))
            evaluated += merged.traceCount
        }
        return WorkspaceQueryResult(parts: parts, tracesEvaluated: evaluated, streamedASource: streamed)
    }

    /// Finds the problems of a table's traces in one go when the query reads them, so that
    /// the evaluator's per-trace lookup finds them known (a store's traces are analysed a slice
    /// at a time with their neighbours, not one by one).
    private func findProblemsFirst(for query: Query, in table: SpanTable) throws {
        guard query.readsTraceProblems else { return }
        _ = try problems(of: table.traces.map(\.traceID))
    }

    /// Candidate traces loaded and evaluated at a time (traces hold ~35 spans on average in
    /// real data: about 70,000 spans a slice).
    static let candidatesPerSlice = 2_000

    /// The traces of `table` that match, in a catalog of their own (the table itself when all
    /// match), or nil when none does. O(spans of the table) + O(spans of the matches).
    static func matchesOnly(_ query: Query, in table: SpanTable,
                            problems: @escaping TraceProblemLookup) -> WorkspaceQueryResult.Part? {
        let matches = QueryEngine.run(query, on: table, problems: problems)
        guard !matches.isEmpty else { return nil }
        if matches.count == table.traces.count {
            return .init(catalog: TraceCatalog(table: table), matches: matches)
        }
        let kept = table.copying(traces: matches.map(\.traceIndex))
        let remapped = matches.compactMap { match -> TraceMatch? in
            kept.traceIndex(of: table.traces[match.traceIndex].traceID).map {
                TraceMatch(traceIndex: $0, matchedSpans: match.matchedSpans)
            }
        }.sorted { $0.traceIndex < $1.traceIndex }
        return .init(catalog: TraceCatalog(table: kept), matches: remapped)
    }

    /// Why a query that matched nothing may be wrong (`QueryHints`): the hints that hold in
    /// every batch of every source, so that none is true of one batch only ("no span has the
    /// attribute ..." holds for all the data exactly when it holds for each part of it).
    /// Sources in memory are one batch; a store is streamed. O(spans), bounded memory.
    public func hints(for query: Query) throws -> [String] {
        try hints(for: query, spanBudget: nil) ?? []
    }

    /// Spans the explorer streams for hints before it gives up on them (about 0.6 s).
    public static let interactiveHintSpans = 250_000

    /// `hints(for:)` when the spans to stream (those not in memory) are at most `spanBudget`;
    /// nil beyond it, so an interactive filter that matched nothing on a large store answers
    /// at once instead of reading the whole store. Memory in use is not counted: it is free.
    public func hints(for query: Query, spanBudget: Int?) throws -> [String]? {
        if let spanBudget {
            let streamed = try sources.filter { !$0.holdsSpansInMemory }.reduce(0) { $0 + (try $1.countSpans()) }
            guard streamed <= spanBudget else { return nil }
        }
        var common: [String]?
        try forEachBatch(spans: Self.batchSpans) { batch in
            let found = QueryHints.check(query, table: batch)
            common = common.map { kept in kept.filter(found.contains) } ?? found
        }
        return common ?? []
    }
}
