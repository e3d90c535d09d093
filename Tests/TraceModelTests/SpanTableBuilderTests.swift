import Testing
import TraceModel
import TestSupport

@Suite struct SpanTableBuilderTests {
    @Test func groupsSpansOfOneTraceFromAnyOrderAndSortsByStart() {
        var f = TraceFixture(trace: "t1")
        f.span("late", parent: "root", start: 50, end: 60)
        f.inTrace("t2")
        f.span("other", start: 0, end: 10)
        f.inTrace("t1")
        f.span("root", start: 0, end: 100)
        f.span("early", parent: "root", start: 10, end: 20)
        let table = f.build()
        #expect(table.traces.count == 2)
        let t1 = table.trace(at: table.traceIndex(of: StableHash.traceID(for: "t1"))!)
        #expect(t1.spans.map { table.strings[$0.name] } == ["root", "early", "late"])
        #expect(table.traces[0].traceID < table.traces[1].traceID)
    }

    @Test func exactDuplicatesAreDroppedOnceButDifferentHalvesStay() {
        var f = TraceFixture()
        f.span("a", start: 0, end: 10, attributes: ["k": .int(1)])
        f.span("a", start: 0, end: 10, attributes: ["k": .int(1)])   // exact duplicate (as from a second file)
        f.span("a", start: 0, end: 10, kind: .server)                 // same id, different span
        f.span("b", parent: "a", start: 1, end: 2, attributes: ["big": .int(1 << 40)])
        f.span("b", parent: "a", start: 1, end: 2, attributes: ["big": .int(1 << 40)])
        let table = f.build()
        #expect(table.spans.count == 3)
    }

    @Test func resourcesAreDeduplicatedByContent() {
        var f = TraceFixture()
        f.span("a", service: "checkout", start: 0, end: 1, resource: ["host.name": .string("h1")])
        f.span("b", service: "checkout", start: 0, end: 1, resource: ["host.name": .string("h1")])
        f.span("c", service: "checkout", start: 0, end: 1, resource: ["host.name": .string("h2")])
        let table = f.build()
        let resources = Set(table.spans.map(\.resource))
        #expect(resources.count == 2)
        #expect(table.serviceName(of: table.spans[0]) == "checkout")
    }

    @Test func everyAttributeKindRoundTripsThroughTheCompactForm() {
        var b = SpanTableBuilder()
        let values: [AttributeValue] = [
            .string("x"), .bool(true), .bool(false), .int(42), .int(-7), .int(Int64.max), .int(Int64.min),
            .double(3.25), .double(-0.5), .bytes([0, 255, 16]), .empty,
            .array([.int(1), .string("two"), .array([.bool(true)])]),
            .keyValueList([KeyValue("inner", .double(1.5)), KeyValue("list", .array([]))]),
        ]
        let pairs = values.enumerated().map { KeyValue("k\($0.offset)", $0.element) }
        let range = b.appendAttributes(pairs)
        b.append(Span(traceID: TraceID(high: 0, low: 1), spanID: SpanID(1), name: b.intern("s"),
                      start: .zero, end: .zero, attributes: range))
        let table = b.finish()
        #expect(table.keyValues(table.spans[0].attributes) == pairs)
        #expect(table.attribute("k3", of: table.spans[0]) == .int(42))
        #expect(table.attribute("missing", of: table.spans[0]) == nil)
    }

    @Test func copyingASpanBetweenTablesKeepsItsContent() {
        var f = TraceFixture()
        f.span("a", service: "api", start: 0, end: 5, attributes: ["user.id": .string("12345")], events: [(1, "retry")])
        let source = f.build()
        var b = SpanTableBuilder()
        _ = b.intern("something else first")
        b.copy(source.spans[0], from: source)
        let copy = b.finish()
        #expect(copy.serviceName(of: copy.spans[0]) == "api")
        #expect(copy.attribute("user.id", of: copy.spans[0]) == .string("12345"))
        #expect(copy.events(of: copy.spans[0]).map { copy.strings[$0.name] } == ["retry"])
    }
}

@Suite struct SpanTableBuilderAbsorbTests {
    @Test func absorbingABuilderEqualsBuildingItAllInOne() {
        func add(_ f: inout TraceFixture, _ part: Int) {
            f.inTrace(part == 0 ? "t1" : "t2")
            f.span("a\(part)", service: "checkout", start: 0, end: 9,
                   attributes: ["k": .string("v\(part)"), "n": .int(1 << 40), "d": .double(0.5), "b": .bytes([1, 2]),
                                "list": .array([.int(1), .keyValueList([KeyValue("x", .string("y\(part)"))])])],
                   resource: ["host.name": .string("h")], events: [(3, "retry \(part)")], links: ["a0"])
            f.inTrace("shared")
            f.span("s\(part)", parent: part == 0 ? nil : "s0", service: part == 0 ? "api" : "db", start: Int64(part), end: 20)
        }
        var whole = TraceFixture()
        add(&whole, 0)
        add(&whole, 1)
        var first = TraceFixture()
        add(&first, 0)
        var second = TraceFixture()
        _ = second.builder.intern("a string only the second builder has")
        add(&second, 1)
        var merged = first.builder
        merged.absorb(&second.builder)
        #expect(second.builder.spanCount == 0, "the absorbed builder is emptied")
        let a = whole.build()
        let b = merged.finish()
        func describe(_ t: SpanTable) -> [String] {
            t.spans.map { s in
                "\(s.traceID) \(s.spanID) \(s.parentSpanID) \(t.serviceName(of: s)) \(t.strings[s.name]) "
                    + "\(t.keyValues(s.attributes)) \(t.events(of: s).map { t.strings[$0.name] }) "
                    + "\(t.links(of: s).map(\.spanID)) \(t.keyValues(t.resources[Int(s.resource)].attributes))"
            }
        }
        #expect(describe(a) == describe(b))
        #expect(a.traces.count == 3)
        #expect(b.resources.count == a.resources.count)
    }
}
