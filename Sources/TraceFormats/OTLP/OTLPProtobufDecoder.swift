import Foundation
import TraceModel

/// Decodes OTLP's protobuf `ExportTraceServiceRequest` (the body of OTLP/HTTP with
/// `application/x-protobuf`, the message of OTLP/gRPC) into a builder, with the rules of the
/// JSON decoder: a span without a valid trace id or span id is skipped and counted, times that
/// cannot be real are noted, and trex's follows-from link is read back as the relation.
///
/// SwiftProtobuf parses the message (its depth limit bounds nested values); the spans are then
/// copied into the builder, strings interned. O(message size).
public enum OTLPProtobufDecoder {
    /// The spans of a request appended to `builder`; the report's `spansSkipped` are the spans a
    /// receiver answers as rejected (OTLP's partial success).
    ///
    /// - Throws: `DecodeFailure.badProtobuf` when the bytes are not a request at all.
    ///   gzip-compressed bytes are inflated first (a protobuf message never starts with gzip's
    ///   magic 1f 8b: 0x1f would be field 3 with the invalid wire type 7), at most to
    ///   `limits.maxInflatedBytes`.
    public static func decode(_ bytes: [UInt8], source: String, into builder: inout SpanTableBuilder,
                              limits: DecodeLimits = .standard) throws(DecodeFailure) -> DecodeReport {
        var message = bytes
        var gzipped = false
        let inflated: Result<GzipInflater.Output, GzipError>? = bytes.withUnsafeBufferPointer { input in
            GzipInflater.isGzip(input) ? GzipInflater.inflate(input, limit: limits.maxInflatedBytes) : nil
        }
        switch inflated {
        case .success(let output)?:
            message = output.bytes
            gzipped = true
        case .failure(.tooLarge(let limit))?: throw .inflatesTooLarge(source: source, limit: limit)
        case .failure(.corrupt(let detail))?: throw .badGzip(source: source, detail: detail)
        case nil: break
        }
        var state = State(builder: &builder)
        do throws(ProtobufWireReader.Malformed) {
            try message.withUnsafeBufferPointer { (bytes) throws(ProtobufWireReader.Malformed) in
                try state.request(ProtobufWireReader(bytes), &builder)
            }
        } catch {
            throw .badProtobuf(source: source, detail: "\(error)")
        }
        var report = state.report(source: source)
        report.gzipped = gzipped
        return report
    }

    /// What one request has decoded so far, and the wire-format walk that decodes it.
    ///
    /// A purpose-built reader rather than swift-protobuf's messages: parsing into messages then
    /// copying them into the builder decoded 88,000 realistic spans/s on one core (trex-bench
    /// ingest: 15 attributes a span), too slow for the receiver's 150,000 spans/s on two cores;
    /// reading the wire format straight into the builder (strings interned from the bytes, no
    /// message objects) is what makes it. The field numbers are opentelemetry-proto's
    /// (`Sources/OTLPProto/proto`); `OTLPProtobufDecoderTests` checks every field against the
    /// JSON decoder, the fuzz target `protobuf` that nothing crashes it.
    private struct State {
        typealias Reader = ProtobufWireReader
        typealias Malformed = ProtobufWireReader.Malformed

        let followsFrom: FollowsFromLink
        var decoded = 0
        var skipped: [SkipReason: Int] = [:]
        var times = TimeSanity()
        /// A span's repeated fields, gathered before anything is appended (reused, span to span).
        var spanAttributes: [Reader] = [], spanEvents: [Reader] = [], spanLinks: [Reader] = []

        init(builder: inout SpanTableBuilder) {
            followsFrom = FollowsFromLink(builder: &builder)
        }

        /// `ExportTraceServiceRequest`: resource_spans = 1.
        mutating func request(_ reader: Reader, _ b: inout SpanTableBuilder) throws(Malformed) {
            var r = reader
            while !r.isAtEnd {
                let (field, type) = try r.tag()
                if field == 1 {
                    try r.expect(type, .lengthDelimited, field: field)
                    try resourceSpans(try r.message(), &b)
                } else {
                    try r.skip(type)
                }
            }
        }

        /// `ResourceSpans`: resource = 1, scope_spans = 2, schema_url = 3. The resource and the
        /// schema first (they may come last), then the spans.
        mutating func resourceSpans(_ reader: Reader, _ b: inout SpanTableBuilder) throws(Malformed) {
            var r = reader
            var resources: [Reader] = []
            var schemaURL = StringID.empty
            while !r.isAtEnd {
                let (field, type) = try r.tag()
                switch field {
                case 1: try r.expect(type, .lengthDelimited, field: field); resources.append(try r.message())
                case 3: try r.expect(type, .lengthDelimited, field: field); schemaURL = Self.text(try r.bytes().bytes, &b)
                default: try r.skip(type)
                }
            }
            // Resource: attributes = 1, dropped_attributes_count = 2.
            let mark = b.attributeMark
            var dropped: UInt32 = 0
            for var resource in resources {
                while !resource.isAtEnd {
                    let (field, type) = try resource.tag()
                    switch field {
                    case 1: try resource.expect(type, .lengthDelimited, field: field); try Self.keyValue(try resource.message(), &b)
                    case 2: try resource.expect(type, .varint, field: field); dropped = UInt32(truncatingIfNeeded: try resource.varint())
                    default: try resource.skip(type)
                    }
                }
            }
            let resource = b.addResource(attributes: b.attributes(since: mark), droppedAttributesCount: dropped,
                                         schemaURL: schemaURL)
            r = reader
            while !r.isAtEnd {
                let (field, type) = try r.tag()
                if field == 2 {
                    try r.expect(type, .lengthDelimited, field: field)
                    try scopeSpans(try r.message(), resource: resource, &b)
                } else {
                    try r.skip(type)
                }
            }
        }

        /// `ScopeSpans`: scope = 1, spans = 2, schema_url = 3; the scope and schema first.
        mutating func scopeSpans(_ reader: Reader, resource: UInt32, _ b: inout SpanTableBuilder) throws(Malformed) {
            var r = reader
            var scopes: [Reader] = []
            var schemaURL = StringID.empty
            while !r.isAtEnd {
                let (field, type) = try r.tag()
                switch field {
                case 1: try r.expect(type, .lengthDelimited, field: field); scopes.append(try r.message())
                case 3: try r.expect(type, .lengthDelimited, field: field); schemaURL = Self.text(try r.bytes().bytes, &b)
                default: try r.skip(type)
                }
            }
            // InstrumentationScope: name = 1, version = 2, attributes = 3, dropped_attributes_count = 4.
            var name = StringID.empty, version = StringID.empty, dropped: UInt32 = 0
            let mark = b.attributeMark
            for var scope in scopes {
                while !scope.isAtEnd {
                    let (field, type) = try scope.tag()
                    switch field {
                    case 1: try scope.expect(type, .lengthDelimited, field: field); name = Self.text(try scope.bytes().bytes, &b)
                    case 2: try scope.expect(type, .lengthDelimited, field: field); version = Self.text(try scope.bytes().bytes, &b)
                    case 3: try scope.expect(type, .lengthDelimited, field: field); try Self.keyValue(try scope.message(), &b)
                    case 4: try scope.expect(type, .varint, field: field); dropped = UInt32(truncatingIfNeeded: try scope.varint())
                    default: try scope.skip(type)
                    }
                }
            }
            let scope = b.addScope(InstrumentationScope(name: name, version: version, attributes: b.attributes(since: mark),
                                                        droppedAttributesCount: dropped, schemaURL: schemaURL))
            r = reader
            while !r.isAtEnd {
                let (field, type) = try r.tag()
                if field == 2 {
                    try r.expect(type, .lengthDelimited, field: field)
                    if var span = try self.span(try r.message(), &b) {
                        span.resource = resource
                        span.scope = scope
                        b.append(span)
                        decoded += 1
                    }
                } else {
                    try r.skip(type)
                }
            }
        }

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
        private static func time(_ value: UInt64, _ times: inout TimeSanity) -> Int64 {
            if value > UInt64(Int64.max) {
                times.note(.aboveInt64, at: 0)
                return .max
            }
            return Int64(value)
        }

        /// A string field interned: its bytes as they are when they are UTF-8 (the usual case),
        /// else decoded with replacement characters, so the table only ever holds UTF-8.
        static func text(_ bytes: UnsafeBufferPointer<UInt8>?, _ b: inout SpanTableBuilder) -> StringID {
            guard let bytes, !bytes.isEmpty else { return .empty }
            var ascii = true
            for byte in bytes where byte >= 0x80 { ascii = false; break }
            if ascii || String(validating: bytes, as: UTF8.self) != nil { return b.intern(utf8: bytes) }
            return b.intern(String(decoding: bytes, as: UTF8.self))
        }

        static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

        /// `KeyValue` (key = 1, value = 2) appended to the builder's attributes: scalars
        /// straight in, compound values built first.
        static func keyValue(_ reader: Reader, _ b: inout SpanTableBuilder) throws(Malformed) {
            var r = reader
            var keyBytes: UnsafeBufferPointer<UInt8>?
            var valueReader: Reader?
            while !r.isAtEnd {
                let (field, type) = try r.tag()
                switch field {
                case 1: try r.expect(type, .lengthDelimited, field: field); keyBytes = try r.bytes().bytes
                case 2: try r.expect(type, .lengthDelimited, field: field); valueReader = try r.message()
                default: try r.skip(type)
                }
            }
            let key = text(keyBytes, &b)
            guard let valueReader else {
                b.append(key: key, value: .empty)
                return
            }
            switch try anyValue(valueReader) {
            case .string(let bytes): b.appendString(key, text(bytes, &b))
            case .bool(let x): b.appendBool(key, x)
            case .int(let x): b.appendInt(key, x)
            case .double(let x): b.appendDouble(key, x)
            case .compound(let value): b.append(key: key, value: value)
            }
        }

        /// An `AnyValue` read: a scalar as it is, or a compound (bytes, array, key-value list)
        /// built, nesting beyond 64 levels cut to an empty value.
        enum Value {
            case string(UnsafeBufferPointer<UInt8>)
            case bool(Bool)
            case int(Int64)
            case double(Double)
            case compound(AttributeValue)
        }

        /// `AnyValue`: string_value = 1, bool_value = 2, int_value = 3, double_value = 4,
        /// array_value = 5, kvlist_value = 6, bytes_value = 7; the last one set wins (a oneof).
        static func anyValue(_ reader: Reader, depth: Int = 0) throws(Malformed) -> Value {
            var r = reader
            guard depth < 64 else {
                try skipMessage(&r)
                return .compound(.empty)
            }
            var value = Value.compound(.empty)
            while !r.isAtEnd {
                let (field, type) = try r.tag()
                switch field {
                case 1: try r.expect(type, .lengthDelimited, field: field); value = .string(try r.bytes().bytes)
                case 2: try r.expect(type, .varint, field: field); value = .bool(try r.varint() != 0)
                case 3: try r.expect(type, .varint, field: field); value = .int(Int64(bitPattern: try r.varint()))
                case 4: try r.expect(type, .fixed64, field: field); value = .double(Double(bitPattern: try r.fixed64()))
                case 5:
                    try r.expect(type, .lengthDelimited, field: field)
                    var list = try r.message()
                    var values: [AttributeValue] = []
                    while !list.isAtEnd {
                        let (f, t) = try list.tag()
                        guard f == 1 else { try list.skip(t); continue }
                        try list.expect(t, .lengthDelimited, field: f)
                        values.append(attributeValue(try anyValue(try list.message(), depth: depth + 1)))
                    }
                    value = .compound(.array(values))
                case 6:
                    try r.expect(type, .lengthDelimited, field: field)
                    var list = try r.message()
                    var pairs: [KeyValue] = []
                    while !list.isAtEnd {
                        let (f, t) = try list.tag()
                        guard f == 1 else { try list.skip(t); continue }
                        try list.expect(t, .lengthDelimited, field: f)
                        pairs.append(try nestedKeyValue(try list.message(), depth: depth + 1))
                    }
                    value = .compound(.keyValueList(pairs))
                case 7: try r.expect(type, .lengthDelimited, field: field); value = .compound(.bytes(Array(try r.bytes().bytes)))
                default: try r.skip(type)
                }
            }
            return value
        }

        /// A `KeyValue` inside a key-value list.
        static func nestedKeyValue(_ reader: Reader, depth: Int) throws(Malformed) -> KeyValue {
            var r = reader
            var key = ""
            var value = AttributeValue.empty
            while !r.isAtEnd {
                let (field, type) = try r.tag()
                switch field {
                case 1: try r.expect(type, .lengthDelimited, field: field); key = string(try r.bytes().bytes)
                case 2: try r.expect(type, .lengthDelimited, field: field); value = attributeValue(try anyValue(try r.message(), depth: depth))
                default: try r.skip(type)
                }
            }
            return KeyValue(key, value)
        }

        static func attributeValue(_ value: Value) -> AttributeValue {
            switch value {
            case .string(let bytes): .string(string(bytes))
            case .bool(let x): .bool(x)
            case .int(let x): .int(x)
            case .double(let x): .double(x)
            case .compound(let v): v
            }
        }

        func report(source: String) -> DecodeReport {
            var warnings: [DecodeWarning] = []
            for (reason, n) in skipped.sorted(by: { $0.key.summary < $1.key.summary }) {
                warnings.append(DecodeWarning(source: source, message: "skipped \(n == 1 ? "1 span" : "\(n) spans"): "
                                              + reason.summary, skippedSpans: n))
            }
            for note in times.notes {
                warnings.append(DecodeWarning(source: source, message: note.message, isImplausibleTime: note.implausible))
            }
            return DecodeReport(format: .otlpProtobuf, spansDecoded: decoded, spansSkipped: skipped.values.reduce(0, +),
                                warnings: warnings)
        }
    }
}
