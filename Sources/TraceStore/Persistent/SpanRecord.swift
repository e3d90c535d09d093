import TraceModel

/// One stored span's fields other than its id and attributes, as a chunk's `records` blob
/// holds them (see `SpanChunk` and docs/store.md).
///
/// Encoding: a header varint (kind in bits 0-2, status in bits 3-4, then one bit per optional
/// field present), the start as a zigzag varint relative to the chunk's base, the duration
/// (zigzag: spans may end before they start), the name, resource and scope ids, then only the
/// optional fields that are set: parent id (8 bytes), status message and trace state ids,
/// flags, markers, the three dropped counts, and the events and links blobs (length-prefixed,
/// `EventLinkEncoding`). A typical child span takes 15-25 bytes.
struct SpanRecord: Equatable {
    var parentID: UInt64 = 0
    var start: Int64 = 0
    var duration: Int64 = 0
    var nameID: Int64 = 0
    var resourceID: Int64 = 0
    var scopeID: Int64 = 0
    var kind: UInt8 = 0
    var status: UInt8 = 0
    var statusMessageID: Int64 = 0
    var traceStateID: Int64 = 0
    var flags: UInt32 = 0
    var markers: UInt16 = 0
    var droppedAttributes: UInt32 = 0
    var droppedEvents: UInt32 = 0
    var droppedLinks: UInt32 = 0
    /// Byte ranges of the events and links blobs inside the buffer the record was read from.
    var events: Range<Int> = 0..<0
    var links: Range<Int> = 0..<0

    // MARK: - Header bits

    static let hasParent: UInt64 = 1 << 5
    static let hasStatusMessage: UInt64 = 1 << 6
    static let hasTraceState: UInt64 = 1 << 7
    static let hasFlags: UInt64 = 1 << 8
    static let hasMarkers: UInt64 = 1 << 9
    static let hasDroppedAttributes: UInt64 = 1 << 10
    static let hasDroppedEvents: UInt64 = 1 << 11
    static let hasDroppedLinks: UInt64 = 1 << 12
    static let hasEvents: UInt64 = 1 << 13
    static let hasLinks: UInt64 = 1 << 14

    // MARK: - Encoding

    /// The record of a span whose strings, resource and scope the caller mapped to store ids.
    init(_ span: Span, name: Int64, resource: Int64, scope: Int64, statusMessage: Int64, traceState: Int64) {
        parentID = span.parentSpanID.rawValue
        start = span.start.unixNanos
        duration = span.end.unixNanos &- span.start.unixNanos
        nameID = name
        resourceID = resource
        scopeID = scope
        kind = span.kind.rawValue
        status = span.status.rawValue
        statusMessageID = statusMessage
        traceStateID = traceState
        flags = span.flags
        markers = span.markers.rawValue
        droppedAttributes = span.droppedAttributesCount
        droppedEvents = span.droppedEventsCount
        droppedLinks = span.droppedLinksCount
    }

    /// Appends the record (without its length prefix) with its start relative to `base`, and
    /// the span's encoded events and links (`EventLinkEncoding`). O(record bytes).
    func encode(base: Int64, events eventBytes: [UInt8], links linkBytes: [UInt8], into writer: inout ByteWriter) {
        var header = UInt64(kind & 7) | UInt64(status & 3) << 3
        if parentID != 0 { header |= Self.hasParent }
        if statusMessageID != 0 { header |= Self.hasStatusMessage }
        if traceStateID != 0 { header |= Self.hasTraceState }
        if flags != 0 { header |= Self.hasFlags }
        if markers != 0 { header |= Self.hasMarkers }
        if droppedAttributes != 0 { header |= Self.hasDroppedAttributes }
        if droppedEvents != 0 { header |= Self.hasDroppedEvents }
        if droppedLinks != 0 { header |= Self.hasDroppedLinks }
        if !eventBytes.isEmpty { header |= Self.hasEvents }
        if !linkBytes.isEmpty { header |= Self.hasLinks }
        writer.varint(header)
        writer.signed(start &- base)
        writer.signed(duration)
        writer.varint(UInt64(bitPattern: nameID))
        writer.varint(UInt64(bitPattern: resourceID))
        writer.varint(UInt64(bitPattern: scopeID))
        if parentID != 0 { writer.fixed64(parentID) }
        if statusMessageID != 0 { writer.varint(UInt64(bitPattern: statusMessageID)) }
        if traceStateID != 0 { writer.varint(UInt64(bitPattern: traceStateID)) }
        if flags != 0 { writer.varint(flags) }
        if markers != 0 { writer.varint(UInt64(markers)) }
        if droppedAttributes != 0 { writer.varint(droppedAttributes) }
        if droppedEvents != 0 { writer.varint(droppedEvents) }
        if droppedLinks != 0 { writer.varint(droppedLinks) }
        if !eventBytes.isEmpty {
            writer.varint(UInt64(eventBytes.count))
            writer.append(eventBytes)
        }
        if !linkBytes.isEmpty {
            writer.varint(UInt64(linkBytes.count))
            writer.append(linkBytes)
        }
    }

    // MARK: - Decoding

    /// Decodes one record from `reader` (positioned at its first byte, after the length
    /// prefix, and limited to the record). Invalid input leaves `reader.isValid` false.
    init(_ reader: inout ByteReader, base: Int64) {
        let header = reader.varint()
        kind = UInt8(header & 7)
        status = UInt8((header >> 3) & 3)
        start = base &+ reader.signed()
        duration = reader.signed()
        nameID = Int64(bitPattern: reader.varint())
        resourceID = Int64(bitPattern: reader.varint())
        scopeID = Int64(bitPattern: reader.varint())
        if header & Self.hasParent != 0 { parentID = reader.fixed64() }
        if header & Self.hasStatusMessage != 0 { statusMessageID = Int64(bitPattern: reader.varint()) }
        if header & Self.hasTraceState != 0 { traceStateID = Int64(bitPattern: reader.varint()) }
        if header & Self.hasFlags != 0 { flags = reader.varint32() }
        if header & Self.hasMarkers != 0 { markers = UInt16(truncatingIfNeeded: reader.varint()) }
        if header & Self.hasDroppedAttributes != 0 { droppedAttributes = reader.varint32() }
        if header & Self.hasDroppedEvents != 0 { droppedEvents = reader.varint32() }
        if header & Self.hasDroppedLinks != 0 { droppedLinks = reader.varint32() }
        if header & Self.hasEvents != 0 { events = reader.take(Int(truncatingIfNeeded: reader.varint())) }
        if header & Self.hasLinks != 0 { links = reader.take(Int(truncatingIfNeeded: reader.varint())) }
    }

    init() {}

    /// The summary and facet facts of the span, given its id and its resource's service.
    func facts(spanID: UInt64, service: Int64) -> SpanFacts {
        SpanFacts(spanID: spanID, parentID: parentID, start: start, end: start &+ duration, kind: kind, status: status,
                  service: service, name: nameID)
    }
}
