import TraceModel

/// Traces on which most queries of `queryCorpus` match something: the fields and attribute
/// keys the corpus names (`a`..`d`, `odd key`, `in`, `user.id`, `http.status_code` as a number
/// and as a Zipkin string ...), every kind and status, nested spans, structural relations,
/// long and exact durations, odd names, a trace of more than 100 spans, and the corpus's
/// literal trace, span and parent ids. Together with `QueryFixtures` they make the data set
/// the store's query-equivalence test runs every query on.
public enum CorpusTraces {
    /// The corpus traces merged with `QueryFixtures.shop`, `.attributes` and `.primer`.
    public static func table() -> SpanTable {
        var builder = SpanTableBuilder()
        for table in [corpus(), QueryFixtures.shop, QueryFixtures.attributes, QueryFixtures.primer] {
            for span in table.spans { builder.copy(span, from: table) }
        }
        return builder.finish()
    }

    /// The traces written for the corpus alone.
    public static func corpus() -> SpanTable {
        var f = TraceFixture(trace: "corpus-structure")
        // A shop request with every relation the spanset queries ask about.
        f.span("front", service: "frontend", name: "GET /", start: 0, end: 7_000, kind: .server,
               attributes: ["a": .int(1), "http.method": .string("GET"), "user.id": .string("1"),
                            "http.status_code": .string("500"), "x-request-id": .string("abc")],
               resource: ["host.name": .string("web-1")])
        f.span("cart", parent: "front", service: "cart", name: "cart page", start: 100, end: 6_500, kind: .client,
               attributes: ["b": .int(1), "c": .int(3), "http.method": .string("POST"), "http.status_code": .int(500),
                            "retry": .bool(true), "ratio": .double(0.75), "offset": .int(-1), "big": .int(5)])
        f.span("db", parent: "cart", service: "checkout", name: "db", start: 200, end: 1_200, kind: .server,
               status: .error, statusMessage: "upstream timeout",
               attributes: ["b": .int(2), "c": .int(1), "db.statement": .string("SELECT * FROM carts"),
                            "odd key": .string("x"), "span.foo": .int(1), "in": .int(1), "a`b": .int(1)],
               resource: ["k8s pod": .string("x")])
        f.span("leaf", parent: "db", service: "checkout", name: "x", start: 300, end: 900, kind: .internal,
               status: .error, statusMessage: "x", attributes: ["d": .bool(true), "a": .int(1), "b": .int(2)])
        f.span("sibling", parent: "cart", service: "cart", name: "render", start: 1_300, end: 1_400, status: .ok,
               attributes: ["b": .int(1), "duration": .int(10), "c": .int(3)])
        f.span("producer", parent: "front", service: "checkout", name: "publish", start: 6_600, end: 6_700,
               kind: .producer, attributes: ["a": .int(1)])
        f.span("consumer", parent: "producer", service: "mail", name: "consume", start: 6_800, end: 6_900,
               kind: .consumer, attributes: ["b": .int(1)])

        f.inTrace("corpus-odd-names")
        f.span("o1", service: "cart", name: "", start: 0, end: 3 * 3_600_000, kind: .server)
        f.span("o2", parent: "o1", service: "cart", name: "tab\there \"quoted\" back\\slash", start: 10, end: 20)
        f.span("o3", parent: "o1", service: "cart", name: "😀 é", start: 30, end: 90_001)
        f.span("o4", parent: "o1", service: "cart", name: "raw string", start: 40, end: 41)
        f.span("o5", parent: "o1", service: "cart", name: "µs ünïcode", start: 50, end: 1_550)
        f.span("o6", parent: "o1", service: "cart", name: "massive", start: 60, end: 62)

        f.inTrace("corpus-wide")
        f.span("w-root", service: "frontend", name: "GET /", start: 0, end: 2_000, kind: .server)
        for i in 0..<110 {
            f.span("w-\(i)", parent: i < 3 ? "w-root" : "w-\(i / 3)", service: ["cart", "checkout", "search"][i % 3],
                   name: "step \(i % 7)", start: Int64(i), end: Int64(i + 1 + (i % 5) * 3),
                   status: i % 37 == 5 ? .error : .unset)
        }

        // Exact nanosecond durations, and the ids the corpus names literally.
        var ns = TraceFixture(trace: "corpus-nanos", unitNanos: 1)
        ns.traceID = TraceID(hex: "0af7651916cd43dd8448eb211c80319c")!
        let root = ns.span("n-root", service: "frontend", name: "GET /", start: 0, end: 250_000, kind: .server)
        ns.span("n-100", parent: "n-root", service: "checkout", name: "tiny", start: 10, end: 110)
        let resource = ns.builder.addResource(attributes: ns.builder.appendAttributes([
            KeyValue("service.name", .string("checkout"))]))
        ns.builder.append(Span(traceID: ns.traceID, spanID: SpanID(hex: "b7ad6b7169203331")!, parentSpanID: root,
                               name: ns.builder.intern("named by id"), start: ns.time(200), end: ns.time(300),
                               resource: resource))
        ns.builder.append(Span(traceID: ns.traceID, spanID: SpanID(hex: "4bf92f3577b34da6")!,
                               parentSpanID: SpanID(hex: "00f067aa0ba902b7")!, name: ns.builder.intern("orphan"),
                               start: ns.time(400), end: ns.time(500), resource: resource))
        let nanos = ns.build()
        var merged = f.builder
        for span in nanos.spans { merged.copy(span, from: nanos) }
        return merged.finish()
    }
}
