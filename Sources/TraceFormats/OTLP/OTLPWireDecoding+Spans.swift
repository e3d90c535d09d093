import TraceModel

extension OTLPWireDecoding {
    /// `Span`, or nil (counted) when its ids are missing or invalid: trace_id = 1,
    /// span_id = 2, trace_state = 3, parent_span_id = 4, name = 5, kind = 6,
    /// start_time_unix_nano = 7, end_time_unix_nano = 8, attributes = 9,
    /// dropped_attributes_count = 10, events = 11, dropped_events_count = 12, links = 13,
    /// dropped_links_count = 14, status = 15, flags = 16.
    mutating func span(_ reader: Reader, _ b: inout SpanTableBuilder) throws(Malformed) -> Span? {
        var r = reader
        var traceIDBytes: UnsafeBufferPointer<UInt8>?, spanIDBytes: UnsafeBufferPointer<UInt8>?
        var parentBytes: UnsafeBufferPointer<UInt8>?, traceStateBytes: UnsafeBufferPointer<UInt8>?
        var nameBytes: UnsafeBufferPointer<UInt8>?
        var kind: UInt64 = 0, startNanos: UInt64 = 0, endNanos: UInt64 = 0, flags: UInt32 = 0
        var droppedAttributes: UInt32 = 0, droppedEvents: UInt32 = 0, droppedLinks: UInt32 = 0
        var statuses: [Reader] = []
        spanAttributes.removeAll(keepingCapacity: true)
        spanEvents.removeAll(keepingCapacity: true)
        spanLinks.removeAll(keepingCapacity: true)
        while !r.isAtEnd {
            let (field, type) = try r.tag()
            switch field {
            case 1, 2, 3, 4, 5, 9, 11, 13, 15: try r.expect(type, .lengthDelimited, field: field)
            case 6, 10, 12, 14: try r.expect(type, .varint, field: field)
            case 7, 8: try r.expect(type, .fixed64, field: field)
            case 16: try r.expect(type, .fixed32, field: field)
            default: try r.skip(type); continue
            }
            switch field {
            case 1: traceIDBytes = try r.bytes().bytes
            case 2: spanIDBytes = try r.bytes().bytes
            case 3: traceStateBytes = try r.bytes().bytes
            case 4: parentBytes = try r.bytes().bytes
            case 5: nameBytes = try r.bytes().bytes
            case 6: kind = try r.varint()
            case 7: startNanos = try r.fixed64()
            case 8: endNanos = try r.fixed64()
            case 9: spanAttributes.append(try r.message())
            case 10: droppedAttributes = UInt32(truncatingIfNeeded: try r.varint())
            case 11: spanEvents.append(try r.message())
            case 12: droppedEvents = UInt32(truncatingIfNeeded: try r.varint())
            case 13: spanLinks.append(try r.message())
            case 14: droppedLinks = UInt32(truncatingIfNeeded: try r.varint())
            case 15: statuses.append(try r.message())
            default: flags = try r.fixed32()
            }
        }
        // Status: message = 2, code = 3 (read even for a span skipped, so bad bytes throw).
        var statusMessage: UnsafeBufferPointer<UInt8>?, statusCode: UInt64 = 0
        for var status in statuses {
            while !status.isAtEnd {
                let (field, type) = try status.tag()
                switch field {
                case 2: try status.expect(type, .lengthDelimited, field: field); statusMessage = try status.bytes().bytes
                case 3: try status.expect(type, .varint, field: field); statusCode = try status.varint()
                default: try status.skip(type)
                }
            }
        }
        let traceID = traceIDBytes.flatMap { $0.isEmpty ? nil : TraceID(bytes: $0) }
        let spanID = spanIDBytes.flatMap { $0.isEmpty ? nil : SpanID(bytes: $0) }
        let reason: SkipReason? = (traceIDBytes?.isEmpty ?? true) ? .missingTraceID
            : traceID.map { $0.isValid ? nil : SkipReason.invalidTraceID } ?? .invalidTraceID
        let spanReason: SkipReason? = (spanIDBytes?.isEmpty ?? true) ? .missingSpanID
            : spanID.map { $0.isValid ? nil : SkipReason.invalidSpanID } ?? .invalidSpanID
        if let why = reason ?? spanReason {
            skipped[why, default: 0] += 1
            // Its repeated fields are still read, so bad bytes anywhere throw as a whole.
            for var kv in spanAttributes { try Self.skipMessage(&kv) }
            for var e in spanEvents { try Self.skipMessage(&e) }
            for var l in spanLinks { try Self.skipMessage(&l) }
            return nil
        }
        guard let traceID, let spanID else { return nil }
        let parent = parentBytes.flatMap { $0.isEmpty ? nil : SpanID(bytes: $0) } ?? .zero
        let start = Self.time(startNanos, &times)
        let end = Self.time(endNanos, &times)
        times.check(start: start, end: end, at: decoded)
        let attributeMark = b.attributeMark
        for kv in spanAttributes { try Self.keyValue(kv, &b) }
        let attributes = b.attributes(since: attributeMark)
        let eventMark = b.eventMark
        for event in spanEvents { try self.event(event, &b) }
        let events = b.events(since: eventMark)
        let linkMark = b.linkMark
        for link in spanLinks { try Self.link(link, &b) }
        var links = b.links(since: linkMark)
        var markers: SpanMarkers = flags != 0 ? [.hasFlags] : []
        if followsFrom.matches(links, traceID: traceID, parent: parent, in: b) {
            markers.insert(.followsFrom)
            links = ElementRange(start: links.start + 1, count: links.count - 1)
        }
        return Span(traceID: traceID, spanID: spanID, parentSpanID: parent, name: Self.text(nameBytes, &b),
                    kind: SpanKind(rawValue: UInt8(clamping: Int32(truncatingIfNeeded: kind))) ?? .unspecified,
                    start: Timestamp(unixNanos: start), end: Timestamp(unixNanos: end),
                    status: StatusCode(rawValue: UInt8(clamping: Int32(truncatingIfNeeded: statusCode))) ?? .unset,
                    statusMessage: Self.text(statusMessage, &b), traceState: Self.text(traceStateBytes, &b),
                    attributes: attributes, events: events, links: links,
                    droppedAttributesCount: droppedAttributes, droppedEventsCount: droppedEvents,
                    droppedLinksCount: droppedLinks, flags: flags, markers: markers)
    }

    /// `Span.Event`: time_unix_nano = 1, name = 2, attributes = 3, dropped_attributes_count = 4.
    mutating func event(_ reader: Reader, _ b: inout SpanTableBuilder) throws(Malformed) {
        var r = reader
        var time: UInt64 = 0, name = StringID.empty, dropped: UInt32 = 0
        let mark = b.attributeMark
        while !r.isAtEnd {
            let (field, type) = try r.tag()
            switch field {
            case 1: try r.expect(type, .fixed64, field: field); time = try r.fixed64()
            case 2: try r.expect(type, .lengthDelimited, field: field); name = Self.text(try r.bytes().bytes, &b)
            case 3: try r.expect(type, .lengthDelimited, field: field); try Self.keyValue(try r.message(), &b)
            case 4: try r.expect(type, .varint, field: field); dropped = UInt32(truncatingIfNeeded: try r.varint())
            default: try r.skip(type)
            }
        }
        b.append(SpanEvent(time: Timestamp(unixNanos: Self.time(time, &times)), name: name,
                           attributes: b.attributes(since: mark), droppedAttributesCount: dropped))
    }

    /// `Span.Link`: trace_id = 1, span_id = 2, trace_state = 3, attributes = 4,
    /// dropped_attributes_count = 5, flags = 6. A link without valid ids is dropped.
    static func link(_ reader: Reader, _ b: inout SpanTableBuilder) throws(Malformed) {
        var r = reader
        var traceID: TraceID?, spanID: SpanID?, traceState = StringID.empty, dropped: UInt32 = 0, flags: UInt32 = 0
        var attributes: [Reader] = []
        while !r.isAtEnd {
            let (field, type) = try r.tag()
            switch field {
            case 1: try r.expect(type, .lengthDelimited, field: field); traceID = TraceID(bytes: try r.bytes().bytes)
            case 2: try r.expect(type, .lengthDelimited, field: field); spanID = SpanID(bytes: try r.bytes().bytes)
            case 3: try r.expect(type, .lengthDelimited, field: field); traceState = text(try r.bytes().bytes, &b)
            case 4: try r.expect(type, .lengthDelimited, field: field); attributes.append(try r.message())
            case 5: try r.expect(type, .varint, field: field); dropped = UInt32(truncatingIfNeeded: try r.varint())
            case 6: try r.expect(type, .fixed32, field: field); flags = try r.fixed32()
            default: try r.skip(type)
            }
        }
        guard let traceID, let spanID else {
            for var kv in attributes { try skipMessage(&kv) }
            return
        }
        let mark = b.attributeMark
        for kv in attributes { try keyValue(kv, &b) }
        b.append(SpanLink(traceID: traceID, spanID: spanID, traceState: traceState,
                          attributes: b.attributes(since: mark), droppedAttributesCount: dropped, flags: flags))
    }

    /// Walks a message's fields without keeping anything (their framing is still checked).
    static func skipMessage(_ r: inout Reader) throws(Malformed) {
        while !r.isAtEnd { try r.skip(try r.tag().type) }
    }

    /// A fixed64 time, held as the largest Int64 past it (noted).
    static func time(_ value: UInt64, _ times: inout TimeSanity) -> Int64 {
        if value > UInt64(Int64.max) {
            times.note(.aboveInt64, at: 0)
            return .max
        }
        return Int64(value)
    }
}
