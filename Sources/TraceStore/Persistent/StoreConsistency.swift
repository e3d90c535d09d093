import GRDB
import TraceModel

/// The store's own invariants, beyond SQLite's: what an import batch must never leave
/// half-done. Used by `PersistentStore.check()` and the crash-safety test.
enum StoreConsistency {
    /// Every violation found, as sentences; empty when consistent. O(store).
    ///
    /// - every span chunk belongs to a stored trace, and every trace has spans (two spans may share an id with different content, as in memory);
    /// - every trace's summary and facets equal the ones computed from its stored spans;
    /// - every string, resource and scope a span record refers to exists.
    static func problems(_ db: Database) throws -> [String] {
        var problems: [String] = []
        var stored: [Int64: (summary: StoredSummary, id: String)] = [:]
        let traces = try RawStatement(db, """
            SELECT key, start_ns, end_ns, span_count, error_count, root_index, single_root, root_service_id,
                   root_name_id, services, hex(trace_id), duration_ns, last_start_ns FROM traces
            """)
        while try traces.step() {
            let summary = StoredSummary(
                start: traces.int64(1), end: traces.int64(2), lastStart: traces.int64(12),
                spanCount: Int(traces.int64(3)), errorCount: Int(traces.int64(4)), rootIndex: Int(traces.int64(5)),
                hasSingleRoot: traces.int64(6) != 0, rootService: traces.int64(7), rootName: traces.int64(8),
                services: StoredSummary.services(traces.blob(9)))
            let id = String(decoding: traces.text(10), as: UTF8.self).lowercased()
            if traces.int64(11) != summary.end &- summary.start { problems.append("trace \(id): duration is not end - start") }
            stored[traces.int64(0)] = (summary, id)
        }
        traces.reset()

        let strings = Set(try Int64.fetchAll(db, sql: "SELECT id FROM strings"))
        let scopes = Set(try Int64.fetchAll(db, sql: "SELECT id FROM scopes"))
        let services = try ChunkScan.servicesByResource(db)
        var facts: [Int64: [SpanFacts]] = [:]
        var orphans = 0
        var dangling = 0
        try ChunkScan.forEachSpan(db) { span in
            let r = span.record
            if stored[span.traceKey] == nil { orphans += 1 }
            if !strings.contains(r.nameID) || !strings.contains(r.statusMessageID) || !strings.contains(r.traceStateID)
                || services[r.resourceID] == nil || !scopes.contains(r.scopeID) {
                dangling += 1
            }
            facts[span.traceKey, default: []].append(r.facts(spanID: span.id, service: services[r.resourceID] ?? 0))
        }
        if orphans > 0 { problems.append("\(orphans) spans belong to no trace") }
        if dangling > 0 { problems.append("\(dangling) spans refer to missing strings, resources or scopes") }

        let storedFacets = try self.storedFacets(db)
        for (key, entry) in stored.sorted(by: { $0.key < $1.key }) {
            guard let rows = facts[key], !rows.isEmpty else {
                problems.append("trace \(entry.id) has no spans")
                continue
            }
            let computed = StoredSummary(facts: rows)
            if computed != entry.summary {
                problems.append("trace \(entry.id): stored summary \(entry.summary) does not match its spans \(computed)")
            }
            if storedFacets[key] != TraceFacets(rows) {
                problems.append("trace \(entry.id): its facets do not match its spans")
            }
        }
        if Set(storedFacets.keys).subtracting(stored.keys).count > 0 { problems.append("facets of traces that are not stored") }
        return problems
    }

    /// Every trace's facets as stored. O(facet rows).
    private static func storedFacets(_ db: Database) throws -> [Int64: TraceFacets] {
        var result: [Int64: TraceFacets] = [:]
        let scan = try RawStatement(db, """
            SELECT trace_key, field, value, spans, min_duration_ns, max_duration_ns FROM facets
            """)
        defer { scan.reset() }
        while try scan.step() {
            result[scan.int64(0), default: TraceFacets()].set(
                TraceFacets.Field(rawValue: scan.int64(1)) ?? .service, scan.int64(2),
                TraceFacets.Group(spans: scan.int64(3), minDuration: scan.int64(4), maxDuration: scan.int64(5)))
        }
        return result
    }
}
