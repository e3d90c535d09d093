import Testing
import TestSupport
import TraceModel
@testable import TraceStore

/// Files in memory and the store answer the same questions the same way.
@Suite struct TraceSourceTests {
    /// The same traces, once in memory and once in a store.
    struct Sources {
        let directory = TemporaryDirectory()
        let table: SpanTable
        let catalog: TraceCatalog
        let store: PersistentStore

        init() throws {
            var builder = SpanTableBuilder()
            let parts = [SyntheticTraces(spansPerTrace: 12).table(traces: 0..<25), RichTable.make()]
            for part in parts { for span in part.spans { builder.copy(span, from: part) } }
            table = builder.finish()
            catalog = TraceCatalog(table: table)
            store = try StoreTest.makeStore(directory)
            try StoreTest.importTables([table], into: store, options: .init(batchSpans: 50))
        }

        var both: [any TraceSource] { [catalog, store] }
    }

    /// Distinct service names over every listed trace, sorted.
    static func serviceNames(_ listing: TraceListing) -> [String] {
        Set(listing.summaries.flatMap(\.services)).filter { !$0.isEmpty }.map { listing.strings[$0] }.sorted()
    }

    @Test func listingsAgree() throws {
        let sources = try Sources()
        let memory = try sources.catalog.traceListing()
        let stored = try sources.store.traceListing()
        #expect(StoreTest.describe(stored) == StoreTest.describe(memory))
        #expect(stored.summaries.map(\.traceID) == memory.summaries.map(\.traceID))   // same order
        #expect(Self.serviceNames(stored) == Self.serviceNames(memory))
        #expect(TraceIDPrefix.uniqueLength(stored.summaries.map(\.traceID))
                == TraceIDPrefix.uniqueLength(sources.table.traces.map(\.traceID)))
    }

    @Test func timeWindowsAgree() throws {
        let sources = try Sources()
        let all = try sources.catalog.traceListing().summaries
        let middle = all[all.count / 2]
        let window = middle.start...(middle.start + Nanoseconds.seconds(3_600 * 24))
        let ids = try sources.both.map { try $0.traceListing(overlapping: window).summaries.map(\.traceID) }
        #expect(ids[0] == ids[1])
        #expect(ids[0].contains(middle.traceID))
        #expect(ids[0].count < all.count)
        let tables = try sources.both.map { TableSnapshot(try $0.loadTraces(overlapping: window)) }
        #expect(tables[0] == tables[1])
        #expect(tables[0].traces.count == ids[0].count)
    }

    @Test func loadingByIDAgrees() throws {
        let sources = try Sources()
        let ids = Array(sources.table.traces.map(\.traceID).shuffled().prefix(5)) + [TraceID(high: 9, low: 9)]
        let tables = try sources.both.map { TableSnapshot(try $0.loadTraces(ids)) }
        #expect(tables[0] == tables[1])
        #expect(tables[0].traces.count == 5)
        for source in sources.both {
            #expect(try source.loadTrace(ids[0])?.id == ids[0])
            #expect(try source.loadTrace(TraceID(high: 9, low: 9)) == nil)
        }
        #expect(TableSnapshot(try sources.store.loadAllTraces()) == TableSnapshot(sources.table))
    }

    @Test func findingByPrefixAgrees() throws {
        let sources = try Sources()
        let ids = sources.table.traces.map(\.traceID)
        for id in ids.prefix(8) {
            for text in [id.hex, String(id.hex.prefix(12)), String(id.hex.prefix(12)).uppercased()] {
                let results = try sources.both.map { try $0.findTrace(text) }
                #expect(results[0] == results[1])
                #expect(results[0] == .success(id))
            }
        }
        // The 64-bit id of the rich table, by its 16 digits.
        let short = "1122334455667788"
        for source in sources.both {
            #expect(try source.findTrace(short) == .success(TraceID(high: 0, low: 0x1122_3344_5566_7788)))
            #expect(try source.findTrace("xyz") == .failure(.notFound("xyz")))
            #expect(try source.findTrace("") == .failure(.empty))
            #expect(try source.findTrace("000000000000000000000000000000000") == .failure(.notFound("000000000000000000000000000000000")))
        }
        // A prefix shared by several traces: the same candidates.
        let results = try sources.both.map { try $0.findTrace("") }
        #expect(results[0] == results[1])
        let shared = try sources.both.map { source -> [TraceIDCandidate] in
            guard case .failure(.ambiguous(_, let candidates)) = try source.findTrace(String(ids[0].hex.prefix(1)))
            else { return [] }
            return candidates.sorted()
        }
        #expect(shared[0] == shared[1])
        let missing = try sources.both.map { try $0.findTrace("abcdef0123456789abcdef0123456789") }
        #expect(missing[0] == missing[1])
    }
}

/// Ids as people write them, found the same way in files and in the store: 64-bit ids by any
/// prefix of their 16 digits, an id with a dropped leading zero by its 31 digits, a non-hex id
/// by its text or a prefix of it; lists show each as its file and Jaeger UI do.
@Suite struct WrittenTraceIDTests {
    /// A Jaeger file with the id shapes of the issue: 64-bit ids (one with leading zeros), an
    /// id written `trace-123`, and a 128-bit id whose first digit Jaeger dropped.
    static let jaeger: String = {
        let ids = ["1e223ff1f80f1c69", "006c3cf93508f205", "trace-123", "df84e36b9e2ee3815d07f0867a5be1f"]
        let traces = ids.enumerated().map { n, id in
            """
            {"traceID": "\(id)", "processes": {"p1": {"serviceName": "svc"}},
             "spans": [{"traceID": "\(id)", "spanID": "a\(n)", "operationName": "op\(n)", "references": [],
                        "startTime": \(1_732_520_000_000_000 + n * 1000), "duration": 100, "processID": "p1"}]}
            """
        }
        return "{\"data\": [" + traces.joined(separator: ",") + "]}"
    }()

    static func sources(_ directory: TemporaryDirectory) throws -> (catalog: TraceCatalog, store: PersistentStore) {
        let loaded = TraceLoader.load(bytes: Array(jaeger.utf8), source: "ids.json")
        let store = try StoreTest.makeStore(directory)
        try StoreTest.importTables([loaded.table], into: store)
        return (TraceCatalog(table: loaded.table), store)
    }

    @Test func everySourceFindsTheIdsAsTheyWereWritten() throws {
        let directory = TemporaryDirectory()
        let (catalog, store) = try Self.sources(directory)
        let expectations: [(String, String)] = [
            ("1e", "1e223ff1f80f1c69"), ("1e223ff1f80f1c69", "1e223ff1f80f1c69"),
            ("00000000000000001e223ff1f80f1c69", "1e223ff1f80f1c69"),
            ("006c3cf9", "006c3cf93508f205"), ("006C3CF93508F205", "006c3cf93508f205"),
            ("df84e36b9e2ee3815d07f0867a5be1f", "0df84e36b9e2ee3815d07f0867a5be1f"),
            ("df84e36b", "0df84e36b9e2ee3815d07f0867a5be1f"), ("0df84e", "0df84e36b9e2ee3815d07f0867a5be1f"),
            ("trace-123", "trace-123"), ("trace-1", "trace-123"),
        ]
        for source in [catalog as any TraceSource, store] {
            let table = try source.loadTraces(try source.traceIDs())
            for (typed, shown) in expectations {
                let found = try source.findTrace(typed)
                #expect((try? found.get()).map { table.shownID(of: $0) } == shown, "\(typed) in \(source.sourceDescription)")
            }
            #expect(try source.findTrace("trace-2") == .failure(.notFound("trace-2")))
            guard case .failure(.ambiguous(_, let candidates)) = try source.findTrace("0") else {
                Issue.record("0 names several traces")
                continue
            }
            #expect(candidates.map(\.shown).contains("006c3cf93508f205"))
        }
    }

    @Test func listsShowSixteenDigitsAndTheWrittenText() throws {
        let directory = TemporaryDirectory()
        let (catalog, store) = try Self.sources(directory)
        for listing in [try catalog.traceListing(), try store.traceListing()] {
            #expect(Set(listing.summaries.map(\.shownID)) == [
                "1e223ff1f80f1c69", "006c3cf93508f205", "trace-123", "0df84e36b9e2ee3815d07f0867a5be1f",
            ])
        }
        #expect(try store.loadAllTraces().writtenTraceIDs.values.sorted() == ["trace-123"])
    }
}
