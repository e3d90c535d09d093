/// Up to `capacity` spans of one trace stored as one row of the `span_chunks` table.
///
/// A row holds three blobs in the same span order: `ids` (8 bytes per span, little-endian),
/// `records` (per span a varint length and a `SpanRecord`, starts relative to `base_ns`) and
/// `attributes` (per span a varint length and its attribute block). Storing a trace's spans in
/// a few large rows instead of one row per span is what makes imports fast: SQLite does one
/// B-tree insert per chunk, not five per span. The row id is `traceKey << 20 | chunk number`,
/// so a trace's chunks are neighbours in the table and need no index of their own.
struct SpanChunk {
    /// Spans per chunk at most: a trace's first import fills chunks in trace order; spans
    /// merged in later go into the last chunk while it has room, then into new ones.
    static let capacity = 1000
    /// Bits of the row id below the trace key.
    static let chunkBits: Int64 = 20

    /// The row id of a trace's chunk.
    static func rowID(traceKey: Int64, chunk: Int) -> Int64 { traceKey << chunkBits | Int64(chunk) }

    /// Every row id a trace's chunks can have.
    static func rowIDs(traceKey: Int64) -> ClosedRange<Int64> {
        (traceKey << chunkBits)...(traceKey << chunkBits | ((1 << chunkBits) - 1))
    }

    /// The trace key of a chunk row id.
    static func traceKey(ofRow id: Int64) -> Int64 { id >> chunkBits }

    /// Span starts are stored relative to this.
    var base: Int64
    var ids = ByteWriter()
    var records = ByteWriter()
    var attributes = ByteWriter()
    private(set) var count = 0

    init(base: Int64, capacity: Int = 0) {
        self.base = base
        ids = ByteWriter(capacity: capacity * 8)
        records = ByteWriter(capacity: capacity * 24)
        attributes = ByteWriter(capacity: capacity * 80)
    }

    var isFull: Bool { count >= Self.capacity }

    /// Appends one encoded span: its record (relative to `base`) and attribute block.
    mutating func append(id: UInt64, record: some Collection<UInt8>, attributes block: some Collection<UInt8>) {
        ids.fixed64(id)
        records.varint(UInt64(record.count))
        records.append(record)
        attributes.varint(UInt64(block.count))
        attributes.append(block)
        count += 1
    }

    /// One span of a stored chunk: its id, its record and its attribute block, as readers
    /// limited to their bytes (valid while the row's blobs are).
    struct Entry {
        var id: UInt64
        var record: ByteReader
        var attributes: ByteReader
    }

    /// Calls `body` with every span of a stored chunk, in order. O(bytes).
    ///
    /// - Throws: `CorruptRow` when the blobs disagree on the span count or are truncated.
    static func forEach(ids: UnsafeRawBufferPointer?, records: UnsafeRawBufferPointer?,
                        attributes: UnsafeRawBufferPointer?, count: Int,
                        _ body: (Entry) throws -> Void) throws {
        let empty = UnsafeRawBufferPointer(start: nil, count: 0)
        var idReader = ByteReader(ids ?? empty)
        var recordReader = ByteReader(records ?? empty)
        var attributeReader = ByteReader(attributes ?? empty)
        guard count >= 0, (ids?.count ?? 0) == count * 8 else {
            throw CorruptRow(detail: "a span chunk holds \((ids?.count ?? 0) / 8) span ids for \(count) spans")
        }
        for _ in 0..<count {
            let id = idReader.fixed64()
            let record = recordReader.section()
            let block = attributeReader.section()
            guard recordReader.isValid, attributeReader.isValid else {
                throw CorruptRow(detail: "a span chunk is truncated")
            }
            try body(Entry(id: id, record: record, attributes: block))
        }
        guard recordReader.isAtEnd, attributeReader.isAtEnd else {
            throw CorruptRow(detail: "a span chunk has bytes beyond its last span")
        }
    }
}
