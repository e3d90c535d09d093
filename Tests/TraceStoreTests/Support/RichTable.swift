import TraceModel

/// Tables that use every field of the model, for lossless round-trip tests.
enum RichTable {
    static let base: Int64 = 1_700_000_000_000_000_000

    /// Three traces: one with every attribute kind, events, links, flags and markers; one with
    /// an orphan and a span that ends before it starts; one single-span trace with nothing set.
    static func make() -> SpanTable {
        var b = SpanTableBuilder()
        let traceA = TraceID(high: 0x0123_4567_89ab_cdef, low: 0xfedc_ba98_7654_3210)
        let traceB = TraceID(high: 0, low: 0x1122_3344_5566_7788)   // a 64-bit id, left-padded
        let traceC = TraceID(high: 0xffff_ffff_ffff_ffff, low: 0xffff_ffff_ffff_ffff)

        let checkout = b.addResource(attributes: b.appendAttributes([
            KeyValue("service.name", .string("checkout")),
            KeyValue("host.name", .string("checkout-1")),
            KeyValue("process.pid", .int(4_000_000_000)),
            KeyValue("weight", .double(0.25)),
        ]), droppedAttributesCount: 3, schemaURL: b.intern("https://opentelemetry.io/schemas/1.21.0"))
        let payment = b.addResource(attributes: b.appendAttributes([KeyValue("service.name", .string("payment"))]))
        let anonymous = b.addResource(attributes: b.appendAttributes([KeyValue("host.name", .string("mystery"))]))
        let numericService = b.addResource(attributes: b.appendAttributes([KeyValue("service.name", .int(7))]))
        let http = b.addScope(InstrumentationScope(
            name: b.intern("io.opentelemetry.http"), version: b.intern("1.2.3"),
            attributes: b.appendAttributes([KeyValue("library.flag", .bool(true))]), droppedAttributesCount: 1,
            schemaURL: b.intern("https://example.com/schema")))

        let everyKind: [KeyValue] = [
            KeyValue("s", .string("héllo wörld 🌍")),
            KeyValue("empty.string", .string("")),
            KeyValue("t", .bool(true)), KeyValue("f", .bool(false)),
            KeyValue("small", .int(-42)), KeyValue("zero", .int(0)),
            KeyValue("max", .int(.max)), KeyValue("min", .int(.min)), KeyValue("wide", .int(1 << 40)),
            KeyValue("pi", .double(3.141592653589793)), KeyValue("negzero", .double(-0.0)),
            KeyValue("inf", .double(.infinity)), KeyValue("nan", .double(Double(nan: 0x1234, signaling: false))),
            KeyValue("bytes", .bytes([0, 1, 2, 0xff])), KeyValue("nobytes", .bytes([])), KeyValue("unset", .empty),
            KeyValue("array", .array([.string("a"), .int(1), .double(2.5), .bool(false), .empty, .bytes([9]),
                                      .array([.string("nested")]), .keyValueList([KeyValue("k", .string("v"))])])),
            KeyValue("emptyarray", .array([])), KeyValue("emptykv", .keyValueList([])),
            KeyValue("kv", .keyValueList([KeyValue("inner", .int(5)), KeyValue("deep", .keyValueList([
                KeyValue("deeper", .array([.int(1), .int(2)]))])), KeyValue("", .string("empty key"))])),
            KeyValue("s", .string("a repeated key keeps its order")),
            KeyValue("long", .string(String(repeating: "0123456789", count: 300))),
        ]

        // Trace A
        let rootAttributes = b.appendAttributes(everyKind)
        let eventMark = b.eventMark
        b.append(SpanEvent(time: Timestamp(unixNanos: base - 5), name: b.intern("before start"),
                           attributes: b.appendAttributes([KeyValue("exception.type", .string("Early"))]),
                           droppedAttributesCount: 2))
        b.append(SpanEvent(time: Timestamp(unixNanos: base + 10), name: b.intern("")))
        let events = b.events(since: eventMark)
        let linkMark = b.linkMark
        b.append(SpanLink(traceID: traceA, spanID: SpanID(0x2222), traceState: b.intern("vendor=x"),
                          attributes: b.appendAttributes([KeyValue("link.kind", .string("retry"))]),
                          droppedAttributesCount: 4, flags: 0x301))
        b.append(SpanLink(traceID: traceB, spanID: SpanID(.max)))
        let links = b.links(since: linkMark)
        b.append(Span(traceID: traceA, spanID: SpanID(0x1111), name: b.intern("GET /checkout"), kind: .server,
                      start: Timestamp(unixNanos: base), end: Timestamp(unixNanos: base + 1_500_000_000),
                      resource: checkout, scope: http, status: .ok, statusMessage: b.intern("fine"),
                      traceState: b.intern("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE"),
                      attributes: rootAttributes, events: events, links: links,
                      droppedAttributesCount: 1, droppedEventsCount: 2, droppedLinksCount: 3,
                      flags: 0x101, markers: [.hasFlags]))
        b.append(Span(traceID: traceA, spanID: SpanID(0x2222), parentSpanID: SpanID(0x1111),
                      name: b.intern("charge"), kind: .client,
                      start: Timestamp(unixNanos: base + 100), end: Timestamp(unixNanos: base + 900_000_000),
                      resource: payment, status: .error, statusMessage: b.intern("card declined"),
                      attributes: b.appendAttributes([KeyValue("http.status_code", .int(402))]),
                      markers: [.followsFrom, .hashedID, .sharedServerHalf]))
        b.append(Span(traceID: traceA, spanID: SpanID(0xffff_ffff_ffff_fff0), parentSpanID: SpanID(0x2222),
                      name: b.intern("enqueue"), kind: .producer,
                      start: Timestamp(unixNanos: base + 100), end: Timestamp(unixNanos: base + 200),
                      resource: numericService))

        // Trace B: an orphan, a negative duration, a consumer with no resource service.
        b.append(Span(traceID: traceB, spanID: SpanID(1), parentSpanID: SpanID(999), name: b.intern("orphan"),
                      kind: .consumer, start: Timestamp(unixNanos: base + 50), end: Timestamp(unixNanos: base + 10),
                      resource: anonymous))
        b.append(Span(traceID: traceB, spanID: SpanID(2), name: b.intern("root"), kind: .internal,
                      start: Timestamp(unixNanos: base + 60), end: Timestamp(unixNanos: base + 70), resource: payment))

        // Trace C: everything at its default, times at the extremes.
        b.append(Span(traceID: traceC, spanID: SpanID(3), name: .empty, start: Timestamp(unixNanos: .min),
                      end: Timestamp(unixNanos: .max)))
        return b.finish()
    }
}
