import TraceModel

/// Decodes one OTLP JSON `Span` object (with its status, events and links) into a `Span`.
///
/// Ids are hex (see `IDMapper` for the fallbacks), times are unsigned 64-bit integers written
/// as strings or numbers, `kind` and `status.code` are integers or enum names
/// (`SPAN_KIND_SERVER`, `STATUS_CODE_ERROR`). A span without a trace or span id (or with an
/// all-zero one) is skipped with a warning; absent times are 0, as proto3 defaults them.
struct OTLPSpanDecoder {
    enum SpanField: String, CaseIterable {
        case traceId, spanId, parentSpanId, name, kind, startTimeUnixNano, endTimeUnixNano, attributes
        case droppedAttributesCount, events, droppedEventsCount, links, droppedLinksCount, status, traceState, flags
    }
    enum EventField: String, CaseIterable { case timeUnixNano, name, attributes, droppedAttributesCount }
    enum LinkField: String, CaseIterable { case traceId, spanId, traceState, attributes, droppedAttributesCount, flags }
    enum StatusField: String, CaseIterable { case code, message }

    private let spanKeys = KeyTable<SpanField>()
    private let eventKeys = KeyTable<EventField>()
    private let linkKeys = KeyTable<LinkField>()
    private let statusKeys = KeyTable<StatusField>()

    var attributes = OTLPAttributeDecoder()
    /// Links dropped because their ids were missing or zero (for one note).
    private(set) var droppedLinks = 0
    private let followsFrom: FollowsFromLink

    init(builder: inout SpanTableBuilder) {
        followsFrom = FollowsFromLink(builder: &builder)
    }

    // MARK: - Span

    /// Decodes a span object; nil (with a warning) when it cannot be a span.
    mutating func decodeSpan(_ s: inout DecodeSession, _ b: inout SpanTableBuilder) throws(JSONError) -> Span? {
        s.scanner.skipWhitespace()
        let spanStart = s.scanner.pos
        s.spanStart = spanStart
        guard try s.scanner.beginObject() else {
            s.spanStart = -1
            s.skip(.notAnObject, at: spanStart, "skipped a span that is not a JSON object")
            return nil
        }
        let attributeMark = b.attributeMark
        let eventMark = b.eventMark
        let linkMark = b.linkMark
        var traceID = TraceID.zero
        var spanID = SpanID.zero
        var parent = SpanID.zero
        var sawTraceID = false
        var sawSpanID = false
        var name = StringID.empty
        var kind = SpanKind.unspecified
        var start: Int64 = 0
        var end: Int64 = 0
        var attrs = ElementRange.empty
        var events = ElementRange.empty
        var links = ElementRange.empty
        var droppedAttributes: UInt32 = 0
        var droppedEvents: UInt32 = 0
        var droppedLinks: UInt32 = 0
        var status = StatusCode.unset
        var message = StringID.empty
        var traceState = StringID.empty
        var flags: UInt32 = 0
        var markers: SpanMarkers = []
        var badTime: String?
        var clamped = false   // a time above Int64.max, held as Int64.max

        var first = true
        while let key = try s.scanner.nextKey(&first) {
            switch spanKeys.lookup(try s.scanner.bytes(of: key)) {
            case .traceId?:
                if let v = try s.scanner.readString() {
                    let r = s.ids.traceID(try s.scanner.bytes(of: v), at: v.start)
                    traceID = r.id
                    sawTraceID = v.rawCount > 0
                    if r.hashed { markers.insert(.hashedID) }
                }
            case .spanId?:
                if let v = try s.scanner.readString() {
                    let r = s.ids.spanID(try s.scanner.bytes(of: v), at: v.start)
                    spanID = r.id
                    sawSpanID = v.rawCount > 0
                    if r.hashed { markers.insert(.hashedID) }
                }
            case .parentSpanId?:
                if let v = try s.scanner.readString() { parent = s.ids.spanID(try s.scanner.bytes(of: v), at: v.start).id }
            case .name?:
                if let v = try s.scanner.readString() { name = try s.intern(v, &b) }
            case .kind?:
                kind = try Self.readEnum(&s, SpanKind.init(rawValue:), SpanKind.init(name:)) ?? .unspecified
            case .startTimeUnixNano?:
                let before = s.scanner.mismatches
                if let v = try s.scanner.readUnsignedTime() {
                    start = v.value
                    clamped = clamped || v.clamped
                } else if s.scanner.mismatches != before {
                    badTime = "startTimeUnixNano is not a 64-bit integer"
                }
            case .endTimeUnixNano?:
                let before = s.scanner.mismatches
                if let v = try s.scanner.readUnsignedTime() {
                    end = v.value
                    clamped = clamped || v.clamped
                } else if s.scanner.mismatches != before {
                    badTime = "endTimeUnixNano is not a 64-bit integer"
                }
            case .attributes?:
                attrs = try attributes.decodeList(&s, &b)
            case .droppedAttributesCount?:
                droppedAttributes = OTLPDecoder.count(try s.scanner.readInt64())
            case .events?:
                events = try decodeEvents(&s, &b)
            case .droppedEventsCount?:
                droppedEvents = OTLPDecoder.count(try s.scanner.readInt64())
            case .links?:
                links = try decodeLinks(&s, &b)
            case .droppedLinksCount?:
                droppedLinks = OTLPDecoder.count(try s.scanner.readInt64())
            case .status?:
                try decodeStatus(&s, &b, &status, &message)
            case .traceState?:
                if let v = try s.scanner.readString() { traceState = try s.intern(v, &b) }
            case .flags?:
                if let v = try s.scanner.readInt64() {
                    flags = UInt32(truncatingIfNeeded: v)
                    markers.insert(.hasFlags)
                }
            case nil:
                try s.scanner.skipValue()
            }
        }

        s.spanStart = -1
        let problem: (SkipReason, String)? =
            !sawTraceID ? (.missingTraceID, "skipped a span without a traceId")
            : !traceID.isValid ? (.invalidTraceID, "skipped a span whose traceId is all zeros")
            : !sawSpanID ? (.missingSpanID, "skipped a span without a spanId")
            : !spanID.isValid ? (.invalidSpanID, "skipped a span whose spanId is all zeros")
            : badTime.map { (.badTime, "skipped a span: \($0)") }
        if let (reason, text) = problem {
            if b.eventMark == eventMark && b.linkMark == linkMark { b.discardAttributes(since: attributeMark) }
            s.skip(reason, at: spanStart, text)
            return nil
        }
        if clamped { s.times.note(.aboveInt64, at: spanStart) }
        s.times.check(start: start, end: end, at: spanStart)
        if followsFrom.matches(links, traceID: traceID, parent: parent, in: b) {
            markers.insert(.followsFrom)
            links = ElementRange(start: links.start + 1, count: links.count - 1)
        }
        return Span(traceID: traceID, spanID: spanID, parentSpanID: parent, name: name, kind: kind,
                    start: Timestamp(unixNanos: start), end: Timestamp(unixNanos: end),
                    status: status, statusMessage: message, traceState: traceState,
                    attributes: attrs, events: events, links: links,
                    droppedAttributesCount: droppedAttributes, droppedEventsCount: droppedEvents,
                    droppedLinksCount: droppedLinks, flags: flags, markers: markers)
    }

    /// An enum written as an integer or as a name; nil (counted) for anything else.
    static func readEnum<E>(_ s: inout DecodeSession, _ fromInt: (UInt8) -> E?, _ fromName: (String) -> E?) throws(JSONError) -> E? {
        let at = s.scanner.pos
        let raw = try s.scanner.readRaw()
        var result: E?
        switch raw {
        case .number:
            if let n = s.scanner.int64(from: raw), let small = UInt8(exactly: n) { result = fromInt(small) }
        case .string(let text):
            result = fromName(try s.scanner.text(of: text))
        case .null:
            return nil
        default:
            break
        }
        if result == nil { s.scanner.noteMismatch(at: at) }
        return result
    }

    // MARK: - Status

    private func decodeStatus(_ s: inout DecodeSession, _ b: inout SpanTableBuilder,
                              _ code: inout StatusCode, _ message: inout StringID) throws(JSONError) {
        guard try s.scanner.beginObject() else { return }
        var first = true
        while let key = try s.scanner.nextKey(&first) {
            switch statusKeys.lookup(try s.scanner.bytes(of: key)) {
            case .code?:
                code = try Self.readEnum(&s, StatusCode.init(rawValue:), StatusCode.init(name:)) ?? .unset
            case .message?:
                if let v = try s.scanner.readString() { message = try s.intern(v, &b) }
            case nil:
                try s.scanner.skipValue()
            }
        }
    }

    // MARK: - Events and links

    private mutating func decodeEvents(_ s: inout DecodeSession, _ b: inout SpanTableBuilder) throws(JSONError) -> ElementRange {
        let mark = b.eventMark
        guard try s.scanner.beginArray() else { return .empty }
        var first = true
        while try s.scanner.nextElement(&first) {
            guard try s.scanner.beginObject() else { continue }
            var event = SpanEvent(time: .zero, name: .empty)
            var f = true
            while let key = try s.scanner.nextKey(&f) {
                switch eventKeys.lookup(try s.scanner.bytes(of: key)) {
                case .timeUnixNano?:
                    if let v = try s.scanner.readInt64() { event.time = Timestamp(unixNanos: v) }
                case .name?:
                    if let v = try s.scanner.readString() { event.name = try s.intern(v, &b) }
                case .attributes?:
                    event.attributes = try attributes.decodeList(&s, &b)
                case .droppedAttributesCount?:
                    event.droppedAttributesCount = OTLPDecoder.count(try s.scanner.readInt64())
                case nil:
                    try s.scanner.skipValue()
                }
            }
            b.append(event)
        }
        return b.events(since: mark)
    }

    private mutating func decodeLinks(_ s: inout DecodeSession, _ b: inout SpanTableBuilder) throws(JSONError) -> ElementRange {
        let mark = b.linkMark
        guard try s.scanner.beginArray() else { return .empty }
        var first = true
        while try s.scanner.nextElement(&first) {
            guard try s.scanner.beginObject() else { continue }
            var link = SpanLink(traceID: .zero, spanID: .zero)
            var f = true
            while let key = try s.scanner.nextKey(&f) {
                switch linkKeys.lookup(try s.scanner.bytes(of: key)) {
                case .traceId?:
                    if let v = try s.scanner.readString() { link.traceID = s.ids.traceID(try s.scanner.bytes(of: v), at: v.start).id }
                case .spanId?:
                    if let v = try s.scanner.readString() { link.spanID = s.ids.spanID(try s.scanner.bytes(of: v), at: v.start).id }
                case .traceState?:
                    if let v = try s.scanner.readString() { link.traceState = try s.intern(v, &b) }
                case .attributes?:
                    link.attributes = try attributes.decodeList(&s, &b)
                case .droppedAttributesCount?:
                    link.droppedAttributesCount = OTLPDecoder.count(try s.scanner.readInt64())
                case .flags?:
                    if let v = try s.scanner.readInt64() { link.flags = UInt32(truncatingIfNeeded: v) }
                case nil:
                    try s.scanner.skipValue()
                }
            }
            if link.traceID.isValid && link.spanID.isValid { b.append(link) } else { droppedLinks += 1 }
        }
        return b.links(since: mark)
    }
}

extension OTLPSpanDecoder {
    /// Notes about values this decoder dropped.
    func addNotes(to log: inout WarningLog) {
        if droppedLinks > 0 { log.note("dropped " + NumberFormat.count(droppedLinks, "span link", "span links") + " without a valid trace and span id") }
        if attributes.tooDeep > 0 {
            log.note("dropped " + NumberFormat.count(attributes.tooDeep, "attribute value", "attribute values") + " nested deeper than \(OTLPAttributeDecoder.maxDepth) levels")
        }
    }
}
