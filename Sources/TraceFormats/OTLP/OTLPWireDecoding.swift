import TraceModel

/// What one request has decoded so far, and the wire-format walk that decodes it: the request,
/// its resources and scopes here; spans, events and links in `+Spans`; attribute values in
/// `+Values`.
///
/// A purpose-built reader rather than swift-protobuf's messages: parsing into messages then
/// copying them into the builder decoded 88,000 realistic spans/s on one core (trex-bench
/// ingest: 15 attributes a span), too slow for the receiver's 150,000 spans/s on two cores;
/// reading the wire format straight into the builder (strings interned from the bytes, no
/// message objects) is what makes it. The field numbers are opentelemetry-proto's
/// (`Sources/OTLPProto/proto`); `OTLPProtobufDecoderTests` checks every field against the
/// JSON decoder, the fuzz target `protobuf` that nothing crashes it.
struct OTLPWireDecoding {
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
