import TraceModel

/// Encodes a span's events and links as the `spans.events` and `spans.links` blobs.
///
/// Events: per event, the zigzag varint offset from the span's start, the name's string id,
/// the dropped-attributes count and a length-prefixed attribute block. Links: per link, a flag
/// byte (bit 0: same trace as the span, so the trace id is omitted), the trace id (16 bytes,
/// when another trace), the span id (8 bytes), trace state string id, flags, dropped count and
/// a length-prefixed attribute block.
enum EventLinkEncoding {
    /// The events blob of a span (empty when it has none). O(events + their attributes).
    static func events<M: StoreStringMapping>(of span: Span, in table: SpanTable, strings: inout M) throws -> [UInt8] {
        guard !span.events.isEmpty else { return [] }
        var writer = ByteWriter(capacity: Int(span.events.count) * 8)
        for event in table.events(of: span) {
            writer.signed(event.time.unixNanos &- span.start.unixNanos)
            writer.varint(UInt64(try strings.storeID(event.name)))
            writer.varint(event.droppedAttributesCount)
            try block(event.attributes, of: table, into: &writer, strings: &strings)
        }
        return writer.bytes
    }

    /// The links blob of a span (empty when it has none). O(links + their attributes).
    static func links<M: StoreStringMapping>(of span: Span, in table: SpanTable, strings: inout M) throws -> [UInt8] {
        guard !span.links.isEmpty else { return [] }
        var writer = ByteWriter(capacity: Int(span.links.count) * 16)
        for link in table.links(of: span) {
            let sameTrace = link.traceID == span.traceID
            writer.byte(sameTrace ? 1 : 0)
            if !sameTrace {
                writer.fixed64(link.traceID.high)
                writer.fixed64(link.traceID.low)
            }
            writer.fixed64(link.spanID.rawValue)
            writer.varint(UInt64(try strings.storeID(link.traceState)))
            writer.varint(link.flags)
            writer.varint(link.droppedAttributesCount)
            try block(link.attributes, of: table, into: &writer, strings: &strings)
        }
        return writer.bytes
    }

    private static func block<M: StoreStringMapping>(_ range: ElementRange, of table: SpanTable,
                                                     into writer: inout ByteWriter, strings: inout M) throws {
        if range.isEmpty { writer.varint(UInt64(0)); return }
        var inner = ByteWriter(capacity: Int(range.count) * 6)
        try AttributeEncoding.encode(range, of: table, into: &inner, strings: &strings)
        writer.varint(UInt64(inner.count))
        writer.append(inner.bytes)
    }

    // MARK: - Decoding

    /// Appends a span's events to `builder` and returns their range. Throws `CorruptRow`.
    static func decodeEvents<M: LoadedStringMapping>(_ buffer: UnsafeRawBufferPointer?, spanStart: Timestamp,
                                                     into builder: inout SpanTableBuilder,
                                                     strings: inout M) throws -> ElementRange {
        guard let buffer, buffer.count > 0 else { return .empty }
        var reader = ByteReader(buffer)
        var decoded: [SpanEvent] = []
        while !reader.isAtEnd {
            let time = Timestamp(unixNanos: spanStart.unixNanos &+ reader.signed())
            let name = try strings.builderID(Int64(bitPattern: reader.varint()), in: &builder)
            let dropped = reader.varint32()
            var inner = reader.section()
            let attributes = try AttributeDecoding.decode(&inner, into: &builder, strings: &strings)
            guard reader.isValid else { throw CorruptRow(detail: "truncated events blob") }
            decoded.append(SpanEvent(time: time, name: name, attributes: attributes, droppedAttributesCount: dropped))
        }
        // Events go in after their attributes were decoded, so they stay contiguous.
        let mark = builder.eventMark
        for event in decoded { builder.append(event) }
        return builder.events(since: mark)
    }

    /// Appends a span's links to `builder` and returns their range. Throws `CorruptRow`.
    static func decodeLinks<M: LoadedStringMapping>(_ buffer: UnsafeRawBufferPointer?, traceID: TraceID,
                                                    into builder: inout SpanTableBuilder,
                                                    strings: inout M) throws -> ElementRange {
        guard let buffer, buffer.count > 0 else { return .empty }
        var reader = ByteReader(buffer)
        var decoded: [SpanLink] = []
        while !reader.isAtEnd {
            let sameTrace = reader.byte() & 1 == 1
            var linked = traceID
            if !sameTrace {
                let high = reader.fixed64()
                linked = TraceID(high: high, low: reader.fixed64())
            }
            let spanID = SpanID(reader.fixed64())
            let traceState = try strings.builderID(Int64(bitPattern: reader.varint()), in: &builder)
            let flags = reader.varint32()
            let dropped = reader.varint32()
            var inner = reader.section()
            let attributes = try AttributeDecoding.decode(&inner, into: &builder, strings: &strings)
            guard reader.isValid else { throw CorruptRow(detail: "truncated links blob") }
            decoded.append(SpanLink(traceID: linked, spanID: spanID, traceState: traceState, attributes: attributes,
                                    droppedAttributesCount: dropped, flags: flags))
        }
        let mark = builder.linkMark
        for link in decoded { builder.append(link) }
        return builder.links(since: mark)
    }
}
