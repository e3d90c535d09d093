import GRDB
import Testing
import TestSupport
import TraceModel
@testable import TraceStore

/// The binary encodings, and the SQL functions that read attribute blocks inside SQLite.
@Suite struct EncodingTests {
    @Test(arguments: [Int64.min, -1_000_000_000_000, -129, -1, 0, 1, 63, 64, 127, 128, 300, 1 << 35, .max])
    func signedVarintsRoundTrip(_ value: Int64) {
        var writer = ByteWriter()
        writer.signed(value)
        writer.varint(UInt64(bitPattern: value))
        writer.fixed64(UInt64(bitPattern: value))
        writer.bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            #expect(reader.signed() == value)
            #expect(reader.varint() == UInt64(bitPattern: value))
            #expect(reader.fixed64() == UInt64(bitPattern: value))
            #expect(reader.isAtEnd && reader.isValid)
        }
    }

    @Test func smallValuesTakeOneByte() {
        var writer = ByteWriter()
        writer.signed(-64)
        writer.signed(63)
        writer.varint(UInt64(127))
        #expect(writer.count == 3)
    }

    @Test func truncatedInputIsInvalidNotACrash() {
        var writer = ByteWriter()
        writer.varint(UInt64.max)
        writer.fixed64(7)
        for cut in 0..<writer.count {
            Array(writer.bytes.prefix(cut)).withUnsafeBytes { raw in
                var reader = ByteReader(raw)
                _ = reader.varint()
                _ = reader.fixed64()
                _ = reader.section()
                #expect(!reader.isValid)
            }
        }
        // Eleven continuation bytes: not a varint.
        [UInt8](repeating: 0xff, count: 11).withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            _ = reader.varint()
            #expect(!reader.isValid)
        }
    }

    @Test func damagedBlobsAreReportedAsCorruptNotCrashes() throws {
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        try StoreTest.importTables([RichTable.make()], into: store)
        try store.write { db in
            try db.execute(sql: "UPDATE spans SET attributes = substr(attributes, 1, length(attributes) - 3) WHERE attributes IS NOT NULL")
        }
        let error = #expect(throws: StoreError.self) { try store.loadAllTraces() }
        guard case .corrupt = error else {
            Issue.record("expected corrupt, got \(String(describing: error))")
            return
        }
    }

    @Test func attributeFunctionsReadBlocksInsideSQLite() throws {
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        var fixture = TraceFixture()
        fixture.span("a", service: "checkout", start: 0, end: 10, attributes: [
            "user.id": .string("12345"), "http.status_code": .int(503), "ratio": .double(0.5), "cached": .bool(true),
            "tags": .array([.string("x")]),
        ])
        fixture.span("b", parent: "a", service: "checkout", start: 1, end: 2, attributes: ["user.id": .string("999")])
        fixture.span("c", parent: "a", service: "payment", start: 1, end: 2)
        try StoreTest.importTables([fixture.build()], into: store)
        let user = try #require(try store.stringID(for: "user.id"))
        let value = try #require(try store.stringID(for: "12345"))
        #expect(try store.stringID(for: "no such string anywhere") == nil)
        try store.read { db in
            func ids(_ condition: String) throws -> [String] {
                try String.fetchAll(db, sql: """
                    SELECT strings.value FROM spans JOIN strings ON strings.id = spans.name_id
                    WHERE \(condition) ORDER BY 1
                    """)
            }
            func key(_ name: String) throws -> Int64 {
                try Int64.fetchOne(db, sql: "SELECT id FROM strings WHERE value = ?", arguments: [name]) ?? -1
            }
            #expect(try ids("trex_attr_sid(attributes, \(user)) = \(value)") == ["a"])
            #expect(try ids("trex_attr_sid(attributes, \(user)) IS NOT NULL") == ["a", "b"])
            #expect(try ids("trex_attr_int(attributes, \(try key("http.status_code"))) >= 400") == ["a"])
            #expect(try ids("trex_attr_real(attributes, \(try key("ratio"))) < 1") == ["a"])
            #expect(try ids("trex_attr_real(attributes, \(try key("http.status_code"))) = 503.0") == ["a"])
            #expect(try ids("trex_attr_bool(attributes, \(try key("cached"))) = 1") == ["a"])
            #expect(try ids("trex_attr_tag(attributes, \(try key("tags"))) = \(StoredValueTag.array.rawValue)") == ["a"])
            #expect(try ids("trex_attr_int(attributes, \(user)) IS NULL") == ["a", "b", "c"])   // a string, not an int
            let payment = try key("payment")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM traces WHERE trex_ids_contain(services, ?)",
                                     arguments: [payment]) == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM traces WHERE trex_ids_contain(services, 424242)") == 0)
        }
    }

    @Test func indexedLookupsUseTheirIndexes() throws {
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        let importer = StoreImporter(store: store)
        try importer.add(SyntheticTraces(spansPerTrace: 20).table(traces: 0..<100))
        try importer.finish()   // ANALYZE: skip-scans need to know the leading columns are few
        let plans = try store.read { db in
            try [
                "SELECT id FROM spans WHERE service_id = 3 AND duration_ns > 5000000",
                "SELECT id FROM spans WHERE duration_ns > 1900000000",
                "SELECT id FROM spans WHERE name_id = 3 AND duration_ns > 5000000",
                "SELECT id FROM spans WHERE name_id = 3",
                "SELECT id FROM spans WHERE kind = 4",
                "SELECT id FROM spans WHERE start_ns BETWEEN 1 AND 2",
                "SELECT id FROM spans WHERE status = 2 AND status <> 0",
                "SELECT key FROM traces WHERE start_ns > 5",
            ].map { sql in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined()
            }
        }
        #expect(plans[0].contains("spans_by_service"))
        #expect(plans[1].contains("spans_by_service"), "duration alone: skip-scan over services")
        #expect(plans[2].contains("spans_by_kind_name"))
        #expect(plans[3].contains("spans_by_kind_name"), "name alone: skip-scan over kinds")
        #expect(plans[4].contains("spans_by_kind_name"))
        #expect(plans[5].contains("spans_by_start"))
        #expect(plans[6].contains("spans_by_status"))
        #expect(plans[7].contains("traces_by_start"))
    }

    @Test func spanFiltersAgreeWithTheSpans() throws {
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        let table = SyntheticTraces(spansPerTrace: 20).table(traces: 0..<40)
        try StoreTest.importTables([table], into: store)
        let filters: [(StoredSpanFilter, (Span) -> Bool)] = [
            (StoredSpanFilter(duration: Nanoseconds.above(.milliseconds(900)), services: ["checkout"]),
             { table.serviceName(of: $0) == "checkout" && $0.duration > .milliseconds(900) }),
            (StoredSpanFilter(names: ["database.query"], kinds: [.client]),
             { table.name(of: $0) == "database.query" && $0.kind == .client }),
            (StoredSpanFilter(statuses: [.error]), { $0.status == .error }),
            (StoredSpanFilter(start: table.spans[7].start...table.spans[7].start), { $0.start == table.spans[7].start }),
            (StoredSpanFilter(duration: Nanoseconds.below(.microseconds(5))), { $0.duration < .microseconds(5) }),
            (StoredSpanFilter(services: ["no such service"]), { _ in false }),
            (StoredSpanFilter(attributes: [.init("region", "eu-west-1")]),
             { table.attribute("region", of: $0) == .string("eu-west-1") }),
            (StoredSpanFilter(attributes: [.init("region", "nowhere")]), { _ in false }),
        ]
        for (filter, predicate) in filters {
            let rows = try store.spanRows(matching: filter)
            let matched = try store.loadTraces(containingSpanRows: rows)
            let expected = Set(table.spans.filter(predicate).map(\.traceID))
            #expect(Set(matched.traces.map(\.traceID)) == expected, "\(filter)")
            #expect(rows.count == table.spans.filter(predicate).count, "\(filter)")
        }
    }
}
