import GRDB
import TraceModel

/// The data half of the migration to schema 2: numeric strings get their `number`, attribute
/// blocks inline their long strings, and every trace's span rows become span chunks and facets
/// (its summary is recomputed, with `last_start_ns`). O(store).
struct SchemaUpgrade2 {
    private let db: Database
    private let transcoder: BlockTranscoder

    init(_ db: Database) throws {
        self.db = db
        let texts = DictionaryTexts(try RawStatement(db, "SELECT value FROM strings WHERE id = ?"))
        transcoder = BlockTranscoder(text: texts.text)
    }

    func run() throws {
        try numbers()
        try resourcesAndScopes()
        let keys = try Int64.fetchAll(db, sql: "SELECT key FROM traces ORDER BY key")
        let spans = try RawStatement(db, """
            SELECT span_id, parent_id, start_ns, duration_ns, name_id, kind, status, status_message_id, trace_state_id,
                   flags, markers, dropped_attributes, dropped_events, dropped_links, resource_id, scope_id,
                   attributes, events, links, service_id
            FROM spans WHERE trace_key = ? ORDER BY start_ns, span_id
            """)
        let insert = try RawStatement(db, """
            INSERT INTO span_chunks (id, span_count, base_ns, ids, records, attributes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            """)
        let summaries = try TraceRowWriter(db, now: 0)
        let facets = try FacetWriter(db)
        let updated = try RawStatement(db, "UPDATE traces SET updated_ns = ?2 WHERE key = ?1")
        let updatedTimes = try Row.fetchAll(db, sql: "SELECT key, updated_ns FROM traces")
            .reduce(into: [Int64: Int64]()) { $0[$1[0]] = $1[1] }
        for key in keys {
            var chunks: [SpanChunk] = []
            var facts: [SpanFacts] = []
            var record = ByteWriter(capacity: 256)
            spans.bind(1, key)
            while try spans.step() {
                let start = spans.int64(2)
                if chunks.isEmpty || chunks[chunks.count - 1].isFull { chunks.append(SpanChunk(base: start)) }
                var r = SpanRecord()
                r.parentID = UInt64(bitPattern: spans.int64(1))
                r.start = start
                r.duration = spans.int64(3)
                r.nameID = spans.int64(4)
                r.kind = UInt8(truncatingIfNeeded: spans.int64(5))
                r.status = UInt8(truncatingIfNeeded: spans.int64(6))
                r.statusMessageID = spans.int64(7)
                r.traceStateID = spans.int64(8)
                r.flags = UInt32(truncatingIfNeeded: spans.int64(9))
                r.markers = UInt16(truncatingIfNeeded: spans.int64(10))
                r.droppedAttributes = UInt32(truncatingIfNeeded: spans.int64(11))
                r.droppedEvents = UInt32(truncatingIfNeeded: spans.int64(12))
                r.droppedLinks = UInt32(truncatingIfNeeded: spans.int64(13))
                r.resourceID = spans.int64(14)
                r.scopeID = spans.int64(15)
                record.removeAll()
                r.encode(base: chunks[chunks.count - 1].base, events: try transcoder.events(spans.blob(17)),
                         links: try transcoder.links(spans.blob(18)), into: &record)
                let spanID = UInt64(bitPattern: spans.int64(0))
                chunks[chunks.count - 1].append(id: spanID, record: record.bytes,
                                                attributes: try transcoder.block(spans.blob(16)))
                facts.append(r.facts(spanID: spanID, service: spans.int64(19)))
            }
            spans.reset()
            for (number, chunk) in chunks.enumerated() {
                insert.bind(1, SpanChunk.rowID(traceKey: key, chunk: number))
                insert.bind(2, chunk.count)
                insert.bind(3, chunk.base)
                insert.bind(4, blob: chunk.ids.bytes)
                insert.bind(5, blob: chunk.records.bytes)
                insert.bind(6, blob: chunk.attributes.bytes)
                try insert.run()
            }
            try summaries.update(key: key, StoredSummary(facts: facts))
            updated.bind(1, key)
            updated.bind(2, updatedTimes[key] ?? 0)
            try updated.run()
            try facets.insert(traceKey: key, TraceFacets(facts))
        }
    }

    /// Fills `strings.number`. O(strings).
    private func numbers() throws {
        let scan = try RawStatement(db, "SELECT id, value FROM strings")
        let set = try RawStatement(db, "UPDATE strings SET number = ?2 WHERE id = ?1")
        var found: [(Int64, Double)] = []
        while try scan.step() {
            if let number = NumericText.value(scan.text(1)) { found.append((scan.int64(0), number)) }
        }
        scan.reset()
        for (id, number) in found {
            set.bind(1, id)
            set.bind(2, number)
            try set.run()
        }
    }

    /// Transcodes the attribute blocks of resources and scopes. O(rows).
    private func resourcesAndScopes() throws {
        for table in ["resources", "scopes"] {
            let scan = try RawStatement(db, "SELECT id, attributes FROM \(table)")
            var changed: [(Int64, [UInt8])] = []
            while try scan.step() {
                let transcoded = try transcoder.block(scan.blob(1))
                if !ByteReader(scan.blob(1) ?? UnsafeRawBufferPointer(start: nil, count: 0)).sameBytes(as: transcoded) {
                    changed.append((scan.int64(0), transcoded))
                }
            }
            scan.reset()
            let update = try RawStatement(db, "UPDATE \(table) SET attributes = ?2 WHERE id = ?1")
            for (id, bytes) in changed {
                update.bind(1, id)
                update.bind(2, blob: bytes)
                try update.run()
            }
        }
    }
}
