import GRDB
import TraceModel

/// The store's own invariants, beyond SQLite's: what an import batch must never leave
/// half-done. Used by `PersistentStore.check()` and the crash-safety test.
enum StoreConsistency {
    /// Every violation found, as sentences; empty when consistent. O(store).
    ///
    /// - every span belongs to a stored trace, and every trace has spans;
    /// - every trace's summary equals the one computed from its stored spans;
    /// - every string, resource and scope a span column refers to exists.
    static func problems(_ db: Database) throws -> [String] {
        var problems: [String] = []
        let orphans = try Int.fetchOne(db, sql: "SELECT count(*) FROM spans WHERE trace_key NOT IN (SELECT key FROM traces)") ?? 0
        if orphans > 0 { problems.append("\(orphans) spans belong to no trace") }
        let dangling = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM spans
            WHERE name_id NOT IN (SELECT id FROM strings) OR service_id NOT IN (SELECT id FROM strings)
               OR status_message_id NOT IN (SELECT id FROM strings) OR trace_state_id NOT IN (SELECT id FROM strings)
               OR resource_id NOT IN (SELECT id FROM resources) OR scope_id NOT IN (SELECT id FROM scopes)
            """) ?? 0
        if dangling > 0 { problems.append("\(dangling) spans refer to missing strings, resources or scopes") }

        var stored: [Int64: (summary: StoredSummary, id: String)] = [:]
        let traces = try RawStatement(db, """
            SELECT key, start_ns, end_ns, span_count, error_count, root_index, single_root, root_service_id,
                   root_name_id, services, hex(trace_id), duration_ns FROM traces
            """)
        defer { traces.reset() }
        while try traces.step() {
            let summary = StoredSummary(
                start: traces.int64(1), end: traces.int64(2), spanCount: Int(traces.int64(3)),
                errorCount: Int(traces.int64(4)), rootIndex: Int(traces.int64(5)), hasSingleRoot: traces.int64(6) != 0,
                rootService: traces.int64(7), rootName: traces.int64(8), services: StoredSummary.services(traces.blob(9)))
            let id = String(decoding: traces.text(10), as: UTF8.self).lowercased()
            if traces.int64(11) != summary.end &- summary.start { problems.append("trace \(id): duration is not end - start") }
            stored[traces.int64(0)] = (summary, id)
        }

        var facts: [Int64: [StoredSummary.SpanFacts]] = [:]
        let spans = try RawStatement(db, """
            SELECT trace_key, span_id, parent_id, start_ns, duration_ns, status, service_id, name_id FROM spans
            """)
        defer { spans.reset() }
        while try spans.step() {
            let start = spans.int64(3)
            facts[spans.int64(0), default: []].append(StoredSummary.SpanFacts(
                spanID: UInt64(bitPattern: spans.int64(1)), parentID: UInt64(bitPattern: spans.int64(2)),
                start: start, end: start &+ spans.int64(4), isError: spans.int64(5) == Int64(StatusCode.error.rawValue),
                service: spans.int64(6), name: spans.int64(7)))
        }
        for (key, entry) in stored.sorted(by: { $0.key < $1.key }) {
            guard let rows = facts[key], !rows.isEmpty else {
                problems.append("trace \(entry.id) has no spans")
                continue
            }
            let computed = StoredSummary(facts: rows)
            if computed != entry.summary {
                problems.append("trace \(entry.id): stored summary \(entry.summary) does not match its spans \(computed)")
            }
        }
        return problems
    }
}
