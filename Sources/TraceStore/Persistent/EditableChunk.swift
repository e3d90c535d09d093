import GRDB

/// A stored chunk read back for a merge: each span's encoded bytes, which a merge replaces or
/// extends before the chunk is written again.
struct EditableChunk {
    /// One span as stored: its id, its record (relative to the chunk's base) and its
    /// attribute block, without length prefixes.
    struct EncodedSpan: Equatable {
        var id: UInt64
        var record: [UInt8]
        var attributes: [UInt8]
    }

    /// The chunk number (the low bits of the row id).
    var number: Int
    var base: Int64
    var spans: [EncodedSpan]
    /// Not stored yet (INSERT rather than UPDATE).
    var isNew: Bool
    /// Changed since it was read.
    var isDirty = false

    init(number: Int, base: Int64, spans: [EncodedSpan] = [], isNew: Bool) {
        self.number = number
        self.base = base
        self.spans = spans
        self.isNew = isNew
    }

    /// Reads every chunk of a trace, in chunk order, through a statement of the form
    /// `SELECT id, span_count, base_ns, ids, records, attributes FROM span_chunks WHERE id
    /// BETWEEN ?1 AND ?2 ORDER BY id`. O(the trace's bytes).
    static func readAll(traceKey: Int64, _ statement: RawStatement) throws -> [EditableChunk] {
        let range = SpanChunk.rowIDs(traceKey: traceKey)
        statement.bind(1, range.lowerBound)
        statement.bind(2, range.upperBound)
        defer { statement.reset() }
        var chunks: [EditableChunk] = []
        while try statement.step() {
            var chunk = EditableChunk(number: Int(statement.int64(0) & ((1 << SpanChunk.chunkBits) - 1)),
                                      base: statement.int64(2), isNew: false)
            let count = Int(statement.int64(1))
            chunk.spans.reserveCapacity(count)
            try SpanChunk.forEach(ids: statement.blob(3), records: statement.blob(4), attributes: statement.blob(5),
                                  count: count) { entry in
                chunk.spans.append(EncodedSpan(id: entry.id, record: entry.record.remainingBytes,
                                               attributes: entry.attributes.remainingBytes))
            }
            chunks.append(chunk)
        }
        return chunks
    }

    /// The summary facts of every span. O(spans).
    func facts(serviceOf: (Int64) -> Int64) throws -> [SpanFacts] {
        try spans.map { span in
            try span.record.withUnsafeBytes { bytes in
                var reader = ByteReader(bytes)
                let record = SpanRecord(&reader, base: base)
                guard reader.isValid else { throw CorruptRow(detail: "a span record is truncated") }
                return record.facts(spanID: span.id, service: serviceOf(record.resourceID))
            }
        }
    }

    /// The chunk as blobs to store.
    var encoded: SpanChunk {
        var chunk = SpanChunk(base: base, capacity: spans.count)
        for span in spans { chunk.append(id: span.id, record: span.record, attributes: span.attributes) }
        return chunk
    }
}
