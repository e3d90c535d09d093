import GRDB
import TraceModel
import TraceQuery

/// Turns a `StoredTraceFilter` into the keys of the candidate traces, inside one read
/// transaction: conditions on the summary through the `traces` table, span conditions through
/// `facets_by_value`, attribute equalities through `trex_chunk_match` on the chunks of the
/// traces still in the running (or all chunks when nothing narrowed them first).
///
/// Candidates are a superset of the matching traces: every condition is implied by the query,
/// and each is checked on some span of the trace, not necessarily the same one.
struct PushdownPlanner {
    let db: Database
    private let strings: StringResolver

    init(_ db: Database) throws {
        self.db = db
        strings = try StringResolver(db)
    }

    /// The candidate trace keys, or nil when the filter accepts every trace.
    /// O(index entries read + chunks scanned for attribute conditions).
    func traceKeys(_ filter: StoredTraceFilter) throws -> Set<Int64>? {
        if filter.isImpossible { return [] }
        var result: Set<Int64>?
        func narrow(_ keys: Set<Int64>) { result = result.map { $0.intersection(keys) } ?? keys }

        if let keys = try traceLevel(filter) { narrow(keys) }
        for spanset in filter.spansets {
            if let keys = try facets(spanset) { narrow(keys) }
            if result?.isEmpty == true { return [] }
        }
        for spanset in filter.spansets {
            if let window = spanset.start { narrow(try startingIn(window)) }
            if result?.isEmpty == true { return [] }
        }
        for spanset in filter.spansets where !spanset.attributes.isEmpty {
            guard let spec = try AttributeSpecBuilder(db, strings: strings).spec(spanset.attributes) else { return [] }
            if spec.conditions.isEmpty { continue }
            narrow(try chunksMatching(spec, among: result))
            if result?.isEmpty == true { return [] }
        }
        return result
    }

    // MARK: - The trace summary

    private func traceLevel(_ filter: StoredTraceFilter) throws -> Set<Int64>? {
        var terms: [String] = []
        if let d = filter.duration { terms.append("duration_ns BETWEEN \(d.lowerBound.value) AND \(d.upperBound.value)") }
        for (column, conditions) in [("root_service_id", filter.rootServices), ("root_name_id", filter.rootNames)]
        where !conditions.isEmpty {
            let distinct = { try Int64.fetchAll(self.db, sql: "SELECT DISTINCT \(column) FROM traces") }
            guard let ids = try strings.resolve(conditions, among: distinct) else { continue }
            if ids.isEmpty { return [] }
            terms.append("\(column) IN (\(ids.sorted().map(String.init).joined(separator: ",")))")
        }
        if terms.isEmpty { return nil }
        return Set(try Int64.fetchAll(db, sql: Self.traceLevelSQL(terms)))
    }

    private func startingIn(_ window: ClosedRange<Timestamp>) throws -> Set<Int64> {
        Set(try Int64.fetchAll(db, sql: Self.startWindowSQL,
                               arguments: [window.upperBound.unixNanos, window.lowerBound.unixNanos]))
    }

    // MARK: - Facets

    /// Traces with a span of the spanset's service, name, kind and status (each checked on its
    /// own facet) whose duration may lie in its range; nil when the spanset sets none of them.
    private func facets(_ f: StoredSpanFilter) throws -> Set<Int64>? {
        var groups: [(TraceFacets.Field, [Int64])] = []
        if !f.services.isEmpty, let ids = try strings.resolve(f.services, among: { try distinctValues(.service) }) {
            groups.append((.service, ids.sorted()))
        }
        if !f.names.isEmpty, let ids = try strings.resolve(f.names, among: { try distinctValues(.name) }) {
            groups.append((.name, ids.sorted()))
        }
        if let kinds = f.kinds { groups.append((.kind, kinds.map { Int64($0.rawValue) }.sorted())) }
        if let statuses = f.statuses { groups.append((.status, statuses.map { Int64($0.rawValue) }.sorted())) }
        if groups.isEmpty {
            guard f.duration != nil else { return nil }
            // Every span has a kind: the kind facets carry every duration.
            groups.append((.kind, SpanKind.allCases.map { Int64($0.rawValue) }))
        }
        var result: Set<Int64>?
        for (field, values) in groups {
            if values.isEmpty { return [] }
            let keys = Set(try Int64.fetchAll(db, sql: Self.facetSQL(field, values, f.duration)))
            result = result.map { $0.intersection(keys) } ?? keys
            if result?.isEmpty == true { return [] }
        }
        return result
    }

    /// The traces with a span whose `field` is one of `values`, lasting within `duration`.
    static func facetSQL(_ field: TraceFacets.Field, _ values: [Int64], _ duration: ClosedRange<Nanoseconds>?) -> String {
        var sql = "SELECT trace_key FROM facets WHERE field = \(field.rawValue) AND value IN ("
            + values.map(String.init).joined(separator: ",") + ")"
        if let d = duration {
            sql += " AND max_duration_ns >= \(d.lowerBound.value) AND min_duration_ns <= \(d.upperBound.value)"
        }
        return sql
    }

    static let nextValueSQL = "SELECT value FROM facets WHERE field = ?1 AND value > ?2 ORDER BY value LIMIT 1"
    static let startWindowSQL = "SELECT key FROM traces WHERE start_ns <= ? AND last_start_ns >= ?"
    static let chunksOfTraceMatchingSQL = """
        SELECT 1 FROM span_chunks WHERE id BETWEEN ?1 AND ?2 AND trex_chunk_match(attributes, ?3) LIMIT 1
        """
    static let chunksMatchingSQL = "SELECT id FROM span_chunks WHERE trex_chunk_match(attributes, ?1)"

    /// The traces whose summary satisfies every term.
    static func traceLevelSQL(_ terms: [String]) -> String {
        "SELECT key FROM traces WHERE " + terms.joined(separator: " AND ")
    }

    /// The distinct values of a facet field, by walking `facets_by_value` one value at a time.
    /// O(distinct values · log facets).
    func distinctValues(_ field: TraceFacets.Field) throws -> [Int64] {
        let next = try RawStatement(db, Self.nextValueSQL)
        var values: [Int64] = []
        var last = Int64.min
        while true {
            next.bind(1, field.rawValue)
            next.bind(2, last)
            defer { next.reset() }
            guard try next.step() else { break }
            last = next.int64(0)
            values.append(last)
        }
        return values
    }

    // MARK: - Attributes

    /// Traces with a chunk where some span satisfies the spec: the chunks of `keys` when they
    /// are few, else every chunk (one statement, so the spec is decoded once rather than per
    /// trace). O(attribute bytes scanned).
    private func chunksMatching(_ spec: AttributeMatchSpec, among keys: Set<Int64>?) throws -> Set<Int64> {
        let blob = spec.blob
        var found = Set<Int64>()
        if let keys, keys.count <= 64 || (keys.count <= 2_000 && blob.count <= 4_096) {
            let scan = try RawStatement(db, Self.chunksOfTraceMatchingSQL)
            scan.bind(3, blob: blob)   // bindings outlive resets
            for key in keys {
                let rows = SpanChunk.rowIDs(traceKey: key)
                scan.bind(1, rows.lowerBound)
                scan.bind(2, rows.upperBound)
                if try scan.step() { found.insert(key) }
                scan.reset()
            }
            return found
        }
        let scan = try RawStatement(db, Self.chunksMatchingSQL)
        scan.bind(1, blob: blob)
        defer { scan.reset() }
        while try scan.step() { found.insert(SpanChunk.traceKey(ofRow: scan.int64(0))) }
        return keys.map { found.intersection($0) } ?? found
    }
}
