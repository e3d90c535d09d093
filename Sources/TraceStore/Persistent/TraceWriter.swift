import GRDB
import TraceModel

/// Writes one trace of an import: its summary row, its span chunks and its facets, inside the
/// batch's transaction.
///
/// A trace the store does not have is encoded straight into chunks (one SQLite insert per
/// 1,000 spans). A trace it has is merged: its chunks are read back, each incoming span is
/// encoded against the chunk holding its stored namesake and compared byte for byte, so a
/// span stored exactly as offered is not written at all; changed spans replace theirs in
/// place, new ones go to the last chunk while it has room; the summary and facets are then
/// recomputed from every stored span.
struct TraceWriter {
    /// What writing one trace did.
    struct Outcome {
        var created = false
        var changedSpans = 0
    }

    private let db: Database
    private let rows: TraceRowWriter
    private let facets: FacetWriter
    private let insertChunk: RawStatement
    private let updateChunk: RawStatement
    private let readChunks: RawStatement
    private let insertWrittenID: RawStatement
    /// Scratch buffers for one span's record and attribute block.
    private var record = ByteWriter(capacity: 256)
    private var block = ByteWriter(capacity: 1024)

    init(_ db: Database, now: Int64) throws {
        self.db = db
        rows = try TraceRowWriter(db, now: now)
        facets = try FacetWriter(db)
        insertChunk = try RawStatement(db, """
            INSERT INTO span_chunks (id, span_count, base_ns, ids, records, attributes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            """)
        updateChunk = try RawStatement(db, """
            UPDATE span_chunks SET span_count = ?2, base_ns = ?3, ids = ?4, records = ?5, attributes = ?6 WHERE id = ?1
            """)
        readChunks = try RawStatement(db, """
            SELECT id, span_count, base_ns, ids, records, attributes FROM span_chunks WHERE id BETWEEN ?1 AND ?2
            ORDER BY id
            """)
        insertWrittenID = try RawStatement(db, "INSERT OR REPLACE INTO written_trace_ids (trace_key, text) VALUES (?1, ?2)")
    }

    /// Writes a trace of `mapping.table`. O(its spans), plus O(its stored spans) for a merge.
    mutating func write(_ trace: Trace, mapping: inout SourceMapping, resources: StoreResources) throws -> Outcome {
        if let key = try rows.key(of: trace.id) {
            return Outcome(created: false, changedSpans: try merge(trace, into: key, mapping: &mapping, resources: resources))
        }
        try create(trace, mapping: &mapping, resources: resources)
        return Outcome(created: true, changedSpans: trace.spanCount)
    }

    // MARK: - A new trace

    private mutating func create(_ trace: Trace, mapping: inout SourceMapping, resources: StoreResources) throws {
        // Spans sharing an id with different content are all kept, as in memory (the table
        // already dropped exact duplicates); such traces get their summary from the facts.
        let repeated = StoreImporter.hasRepeatedSpanIDs(trace)
        let spans = Array(trace.spans)
        var chunks: [SpanChunk] = []
        var facts: [SpanFacts] = []
        var traceFacets = TraceFacets()
        var lastStart = Int64.min
        for span in spans {
            if chunks.isEmpty || chunks[chunks.count - 1].isFull {
                chunks.append(SpanChunk(base: span.start.unixNanos, capacity: min(spans.count, SpanChunk.capacity)))
            }
            let f = try encode(span, base: chunks[chunks.count - 1].base, mapping: &mapping, resources: resources)
            chunks[chunks.count - 1].append(id: span.spanID.rawValue, record: record.bytes, attributes: block.bytes)
            traceFacets.add(f)
            if repeated { facts.append(f) }
            lastStart = max(lastStart, span.start.unixNanos)
        }
        let summary = repeated
            ? StoredSummary(facts: facts)
            : try StoredSummary(TraceSummary(trace), lastStart: lastStart, mapping: &mapping)
        let key = try rows.insert(trace.id, summary)
        if var written = trace.table.writtenID(of: trace.id) {
            // The text a non-hex id was written as, so the trace is shown and found by it.
            try written.withUTF8 { utf8 in
                insertWrittenID.bind(1, key)
                insertWrittenID.bind(2, text: utf8)
                try insertWrittenID.run()
            }
        }
        for (number, chunk) in chunks.enumerated() { try store(chunk, traceKey: key, number: number, new: true) }
        try facets.insert(traceKey: key, traceFacets)
    }

    // MARK: - Merging into a stored trace

    /// Returns how many spans were added or replaced (0: nothing was written).
    private mutating func merge(_ trace: Trace, into key: Int64, mapping: inout SourceMapping,
                                resources: StoreResources) throws -> Int {
        var chunks = try EditableChunk.readAll(traceKey: key, readChunks)
        // Every stored span by id: an offered span equal to one of them is a duplicate; one that
        // differs from all of them is kept beside them (as two such spans are in memory).
        var location: [UInt64: [(chunk: Int, position: Int)]] = [:]
        for (c, chunk) in chunks.enumerated() {
            for (p, span) in chunk.spans.enumerated() { location[span.id, default: []].append((c, p)) }
        }
        var changed = 0
        spans: for span in trace.spans {
            let id = span.spanID.rawValue
            for (c, p) in location[id] ?? [] {
                _ = try encode(span, base: chunks[c].base, mapping: &mapping, resources: resources)
                let stored = chunks[c].spans[p]
                if stored.record == record.bytes && stored.attributes == block.bytes { continue spans }
            }
            do {
                if chunks.isEmpty || chunks[chunks.count - 1].spans.count >= SpanChunk.capacity {
                    chunks.append(EditableChunk(number: (chunks.last?.number ?? -1) + 1, base: span.start.unixNanos,
                                                isNew: true))
                }
                let c = chunks.count - 1
                _ = try encode(span, base: chunks[c].base, mapping: &mapping, resources: resources)
                location[id, default: []].append((c, chunks[c].spans.count))
                chunks[c].spans.append(.init(id: id, record: record.bytes, attributes: block.bytes))
                chunks[c].isDirty = true
            }
            changed += 1
        }
        guard changed > 0 else { return 0 }
        var facts: [SpanFacts] = []
        for chunk in chunks {
            if chunk.isDirty { try store(chunk.encoded, traceKey: key, number: chunk.number, new: chunk.isNew) }
            facts += try chunk.facts(serviceOf: resources.serviceID(ofResource:))
        }
        try rows.update(key: key, StoredSummary(facts: facts))
        try facets.replace(traceKey: key, TraceFacets(facts))
        return changed
    }

    // MARK: - Encoding and storing

    /// Encodes a span into `record` and `block` and returns its facts. O(its attributes,
    /// events and links).
    private mutating func encode(_ span: Span, base: Int64, mapping: inout SourceMapping,
                                 resources: StoreResources) throws -> SpanFacts {
        let resource = try mapping.resource(span.resource, resources, db)
        let r = SpanRecord(span, name: try mapping.storeID(span.name), resource: resource.id,
                           scope: try mapping.scope(span.scope, resources, db),
                           statusMessage: try mapping.storeID(span.statusMessage),
                           traceState: try mapping.storeID(span.traceState))
        let events = try EventLinkEncoding.events(of: span, in: mapping.table, strings: &mapping)
        let links = try EventLinkEncoding.links(of: span, in: mapping.table, strings: &mapping)
        record.removeAll()
        r.encode(base: base, events: events, links: links, into: &record)
        block.removeAll()
        try AttributeEncoding.encode(span.attributes, of: mapping.table, into: &block, strings: &mapping)
        return r.facts(spanID: span.spanID.rawValue, service: resource.serviceID)
    }

    private func store(_ chunk: SpanChunk, traceKey: Int64, number: Int, new: Bool) throws {
        let s = new ? insertChunk : updateChunk
        s.bind(1, SpanChunk.rowID(traceKey: traceKey, chunk: number))
        s.bind(2, chunk.count)
        s.bind(3, chunk.base)
        s.bind(4, blob: chunk.ids.bytes)
        s.bind(5, blob: chunk.records.bytes)
        s.bind(6, blob: chunk.attributes.bytes)
        try s.run()
    }
}
