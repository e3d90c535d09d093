import GRDB
import Testing
import TestSupport
import TraceModel
import TraceQuery
@testable import TraceStore

/// What the store checks before loading a trace: the SQL it runs uses the indexes, and the
/// candidates it returns contain every trace that can match (exactly those, where the facets
/// know enough).
@Suite struct PushdownTests {
    static let table = SyntheticTraces(spansPerTrace: 20).table(traces: 0..<60)

    static let shared: (directory: TemporaryDirectory, store: PersistentStore) = {
        let directory = TemporaryDirectory()
        let store = try! StoreTest.makeStore(directory)
        try! StoreTest.importTables([table], into: store, options: .init(batchSpans: 300))
        try! StoreImporter(store: store).finish()
        return (directory, store)
    }()

    /// SQLite's plan for a statement (its parameters bound to zeros).
    func plan(_ sql: String, parameters: Int = 0) throws -> String {
        try Self.shared.store.read { db in
            let arguments = StatementArguments(Array(repeating: 0, count: parameters))
            return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments)
                .map { $0["detail"] as String }.joined(separator: "; ")
        }
    }

    @Test func everyLookupUsesAnIndex() throws {
        let facets = try plan(PushdownPlanner.facetSQL(.service, [3, 4], .milliseconds(5)...Nanoseconds(.max)))
        #expect(facets.contains("USING COVERING INDEX facets_by_value"), "\(facets)")
        let kinds = try plan(PushdownPlanner.facetSQL(.kind, [0, 1, 2, 3, 4, 5], nil))
        #expect(kinds.contains("USING COVERING INDEX facets_by_value"), "\(kinds)")
        let next = try plan(PushdownPlanner.nextValueSQL, parameters: 2)
        #expect(next.contains("facets_by_value"), "\(next)")
        let window = try plan(PushdownPlanner.startWindowSQL, parameters: 2)
        #expect(window.contains("traces_by_start"), "\(window)")
        let duration = try plan(PushdownPlanner.traceLevelSQL(["duration_ns BETWEEN 5 AND 10"]))
        #expect(duration.contains("traces_by_duration"), "\(duration)")
        let chunks = try plan(PushdownPlanner.chunksOfTraceMatchingSQL, parameters: 3)
        #expect(chunks.contains("USING INTEGER PRIMARY KEY"), "\(chunks)")
        let numbers = try plan("SELECT id FROM strings WHERE number = ?", parameters: 1)
        #expect(numbers.contains("strings_by_number"), "\(numbers)")
        let strings = try plan("SELECT id, value FROM strings WHERE hash = ?", parameters: 1)
        #expect(strings.contains("strings_by_hash"), "\(strings)")
    }

    /// The candidates of a one-spanset filter, as trace ids.
    func candidates(_ f: StoredSpanFilter) throws -> Set<TraceID>? {
        try Self.shared.store.candidateTraces(StoredTraceFilter(spansets: [f])).map(Set.init)
    }

    func traces(where predicate: (Span) -> Bool) -> Set<TraceID> {
        Set(Self.table.spans.filter(predicate).map(\.traceID))
    }

    @Test func oneFacetWithADurationFloorIsExact() throws {
        let t = Self.table
        #expect(try candidates(StoredSpanFilter(duration: Nanoseconds.above(.milliseconds(900)),
                                                services: [.oneOf(["checkout"])]))
                == traces { t.serviceName(of: $0) == "checkout" && $0.duration > .milliseconds(900) })
        #expect(try candidates(StoredSpanFilter(names: [.oneOf(["database.query"])]))
                == traces { t.name(of: $0) == "database.query" })
        #expect(try candidates(StoredSpanFilter(statuses: [.error])) == traces { $0.status == .error })
        #expect(try candidates(StoredSpanFilter(duration: Nanoseconds.above(.seconds(1))))
                == traces { $0.duration > .seconds(1) })
        #expect(try candidates(StoredSpanFilter(kinds: [.client], statuses: [.error]))?
                    .isSuperset(of: traces { $0.kind == .client && $0.status == .error }) == true)
    }

    @Test func conditionsOnTheSameFieldIntersect() throws {
        let t = Self.table
        let regex = StoredSpanFilter(names: [.comparison(.matches, "HTTP.*"), .comparison(.notEqual, "HTTP GET")])
        #expect(try candidates(regex) == traces { t.name(of: $0) == "HTTP POST" })
        #expect(try candidates(StoredSpanFilter(services: [.oneOf(["no such service"])])) == [])
        #expect(try candidates(StoredSpanFilter(services: [.comparison(.matches, "[")])) == nil,
                "a pattern that does not compile restricts nothing")
    }

    @Test func startWindowsAndUpperDurationBoundsGiveSupersets() throws {
        let t = Self.table
        let start = t.spans[7].start
        #expect(try candidates(StoredSpanFilter(start: start...start))?
                    .isSuperset(of: traces { $0.start == start }) == true)
        #expect(try candidates(StoredSpanFilter(duration: Nanoseconds.below(.microseconds(50))))?
                    .isSuperset(of: traces { $0.duration < .microseconds(50) }) == true)
    }

    @Test func attributeEqualities() throws {
        let t = Self.table
        let region = StoredAttributeCondition(scope: .span, key: "region", values: [.string("eu-west-1")])
        #expect(try candidates(StoredSpanFilter(attributes: [region]))
                == traces { t.attribute("region", of: $0) == .string("eu-west-1") })
        let user = t.attribute("user.id", of: t.spans[11])!
        let byUser = StoredAttributeCondition(scope: .any, key: "user.id", values: [.string(user.displayText)])
        #expect(try candidates(StoredSpanFilter(attributes: [byUser])) == traces { t.attribute("user.id", of: $0) == user })
        let nowhere = StoredAttributeCondition(scope: .span, key: "region", values: [.string("nowhere")])
        #expect(try candidates(StoredSpanFilter(attributes: [nowhere])) == [])
        let noKey = StoredAttributeCondition(scope: .any, key: "no.such.key", values: [.integer(1)])
        #expect(try candidates(StoredSpanFilter(attributes: [noKey])) == [])
        // Unscoped, on a key resources have: a span without it takes its resource's; not pushed.
        let host = StoredAttributeCondition(scope: .any, key: "host.name", values: [.string("checkout-0.prod.internal")])
        #expect(try candidates(StoredSpanFilter(attributes: [host])) == nil)
        // Long values are stored inline and compared byte for byte.
        let url = t.attribute("http.url", of: t.spans[5])!
        let byURL = StoredAttributeCondition(scope: .span, key: "http.url", values: [.string(url.displayText)])
        #expect(try candidates(StoredSpanFilter(attributes: [byURL])) == traces { t.attribute("http.url", of: $0) == url })
    }

    /// Numbers in strings, booleans in strings, renamed keys: the store's test is never
    /// stricter than the evaluator's.
    @Test func attributeValuesCompareInACommonDomain() throws {
        var f = TraceFixture(trace: "zipkin")
        f.span("z", start: 0, end: 1, attributes: ["http.status_code": .string("500"), "retry": .string("TRUE"),
                                                   "user.id": .string("12345")])
        f.inTrace("otlp")
        f.span("o", start: 0, end: 1, attributes: ["http.response.status_code": .int(500), "retry": .bool(true),
                                                   "user.id": .int(12345)])
        f.inTrace("other")
        f.span("x", start: 0, end: 1, attributes: ["http.status_code": .int(200), "retry": .bool(false),
                                                   "user.id": .string("123456")])
        let table = f.build()
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        try StoreTest.importTables([table], into: store)
        let both = Set([StableHash.traceID(for: "zipkin"), StableHash.traceID(for: "otlp")])
        for text in ["http.status_code = 500", #"http.status_code = "500""#, "http.response.status_code = 500.0",
                     "retry = true", #"user.id = "12345""#, "user.id = 12345", "user.id IN (12345, 7)",
                     "span.http.status_code IN (500, 501)"] {
            let filter = StoredTraceFilter(try Query.parse(text))
            #expect(Set(try store.candidateTraces(filter) ?? []) == both, "\(text): \(filter)")
        }
    }

    @Test func textualConditionsTestDictionaryAndInlineStrings() throws {
        let t = Self.table
        for (op, literal, predicate) in [
            (ComparisonOperator.matches, ".*/orders/4[0-9]*", { (s: String) in s.wholeMatch(of: /.*\/orders\/4[0-9]*/) != nil }),
            (.contains, "orders/12", { $0.contains("orders/12") }),
            (.notMatches, "https://.*", { (s: String) in s.wholeMatch(of: /https:\/\/.*/) == nil }),
        ] {
            let condition = StoredAttributeCondition(scope: .span, key: "http.url", op: op, values: [.string(literal)])
            let expected = traces { span in t.attribute("http.url", of: span).map { predicate($0.displayText) } ?? false }
            #expect(try candidates(StoredSpanFilter(attributes: [condition])) == expected, "\(op) \(literal)")
        }
        // Short values live in the dictionary: resolved once, before the scan.
        let region = StoredAttributeCondition(scope: .span, key: "region", op: .matches, values: [.string("eu-.*")])
        #expect(try candidates(StoredSpanFilter(attributes: [region]))
                == traces { t.attribute("region", of: $0) == .string("eu-west-1") })
        // Numbers are candidates whatever the pattern: the evaluator tests their text.
        let status = StoredAttributeCondition(scope: .span, key: "http.status_code", op: .matches, values: [.string("9")])
        #expect(try candidates(StoredSpanFilter(attributes: [status])) == Set(t.traces.map(\.traceID)))
    }

    @Test func theChunkFunctionChecksOneSpanForAllConditions() throws {
        // Two spans of one trace: a=1 on one, b=2 on the other. A spanset asking for both on
        // one span has no candidate; two spansets asking one each have the trace.
        var f = TraceFixture(trace: "split")
        f.span("p", start: 0, end: 10, attributes: ["a": .int(1)])
        f.span("q", parent: "p", start: 1, end: 2, attributes: ["b": .int(2)])
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        try StoreTest.importTables([f.build()], into: store)
        let same = StoredTraceFilter(try Query.parse("a = 1 AND b = 2"))
        #expect(try store.candidateTraces(same) == [])
        let apart = StoredTraceFilter(try Query.parse("{ a = 1 } && { b = 2 }"))
        #expect(try store.candidateTraces(apart) == [StableHash.traceID(for: "split")])
        // A malformed spec is an SQL error, not a crash.
        #expect(throws: StoreError.self) {
            try store.read { db in try Int.fetchOne(db, sql: "SELECT trex_chunk_match(attributes, x'ff') FROM span_chunks") }
        }
    }

    @Test func specsRoundTripThroughTheirBlob() throws {
        let spec = AttributeMatchSpec(conditions: [
            .init(keys: [3, 9], alternatives: [.init(stringIDs: [4, 5], number: 500, numericInline: true),
                                               .init(inline: Array("a long value that is stored inline".utf8)),
                                               .init(bool: false),
                                               .init(stringIDs: [8], text: .init(op: .matches, literal: "GET .*"))]),
            .init(keys: [12], alternatives: [.init(bool: true)]),
        ])
        let decoded = spec.blob.withUnsafeBytes { AttributeMatchSpec(blob: $0) }
        #expect(decoded == spec)
        #expect([UInt8]([1, 1]).withUnsafeBytes { AttributeMatchSpec(blob: $0) } == nil)
    }

    @Test func whatAQueryPushesDown() throws {
        let f = StoredTraceFilter(try Query.parse(
            #"{ service = "a" && duration > 1s && duration <= 5s && status != ok } >> { kind IN (server, client) && http.method = "GET" } && { trace.duration < 1m }"#))
        #expect(f.spansets.count == 2, "trace.duration's spanset has nothing else")
        #expect(f.spansets[0].services == [.oneOf(["a"])])
        #expect(f.spansets[0].duration == Nanoseconds.above(.seconds(1)).lowerBound...Nanoseconds.seconds(5))
        #expect(f.spansets[0].statuses == [.unset, .error])
        #expect(f.spansets[1].kinds == [.server, .client])
        #expect(f.spansets[1].attributes == [StoredAttributeCondition(scope: .any, key: "http.method", values: [.string("GET")])])
        #expect(f.duration == Nanoseconds(.min)...Nanoseconds(Nanoseconds.seconds(60).value - 1))
        #expect(StoredTraceFilter(try Query.parse("duration > 5s AND duration < 1s")).isImpossible)
        #expect(StoredTraceFilter(try Query.parse(#"service = "a" OR duration > 1s"#)).acceptsEverything)
        #expect(StoredTraceFilter(try Query.parse(#"{ a = 1 } || { b = 1 }"#)).acceptsEverything)
        #expect(StoredTraceFilter(try Query.parse("NOT http.method = \"GET\"")).acceptsEverything)
    }
}
