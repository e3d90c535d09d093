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

    @Test func listingsAgree() throws {
        let sources = try Sources()
        let memory = try sources.catalog.traceListing()
        let stored = try sources.store.traceListing()
        #expect(StoreTest.describe(stored) == StoreTest.describe(memory))
        #expect(stored.summaries.map(\.traceID) == memory.summaries.map(\.traceID))   // same order
        #expect(stored.serviceNames == memory.serviceNames)
        #expect(stored.uniquePrefixLength() == sources.catalog.uniquePrefixLength())
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
            #expect(try source.findTrace("xyz") == .failure(.notHex("xyz")))
            #expect(try source.findTrace("") == .failure(.notHex("")))
            #expect(try source.findTrace("000000000000000000000000000000000") == .failure(.notHex("000000000000000000000000000000000")))
        }
        // A prefix shared by several traces: the same candidates.
        let results = try sources.both.map { try $0.findTrace("") }
        #expect(results[0] == results[1])
        let shared = try sources.both.map { source -> [TraceID] in
            guard case .failure(.ambiguous(_, let candidates)) = try source.findTrace(String(ids[0].hex.prefix(1)))
            else { return [] }
            return candidates.sorted()
        }
        #expect(shared[0] == shared[1])
        let missing = try sources.both.map { try $0.findTrace("abcdef0123456789abcdef0123456789") }
        #expect(missing[0] == missing[1])
    }
}
