import GRDB
import Testing
import TestSupport
import TraceModel
@testable import TraceStore

/// Traces larger than a chunk, and traces merged from several imports: what `TraceWriter`
/// rewrites, and what it leaves alone.
@Suite struct ChunkMergeTests {
    /// One trace of `count` spans, a root and a fan of children with a few attributes each.
    static func wide(_ count: Int, retry: Int64 = 0) -> SpanTable {
        var f = TraceFixture(trace: "wide")
        f.span("s0", service: "frontend", start: 0, end: Int64(count) + 10, kind: .server)
        for i in 1..<count {
            f.span("s\(i)", parent: "s\(i / 8)", service: ["cart", "checkout", "search"][i % 3],
                   name: "step \(i % 11)", start: Int64(i), end: Int64(i + 5),
                   status: i % 97 == 0 ? .error : .unset,
                   attributes: ["i": .int(Int64(i)), "retry": .int(i == 1500 ? retry : 0),
                                "url": .string("https://example.com/a/rather/long/path/\(i)")])
        }
        return f.build()
    }

    /// The trace's chunks: (chunk number, span count, a hash of its three blobs).
    static func chunks(_ store: PersistentStore) throws -> [(Int64, Int64, Int)] {
        try store.read { db in
            try Row.fetchAll(db, sql: "SELECT id, span_count, hex(ids) || hex(records) || hex(attributes) FROM span_chunks ORDER BY id")
                .map { ($0[0] & 0xFFFFF, $0[1], ($0[2] as String).hashValue) }
        }
    }

    @Test func aLargeTraceFillsChunksInOrder() throws {
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        let table = Self.wide(2_500)
        try StoreTest.importTables([table], into: store)
        #expect(try Self.chunks(store).map { [$0.0, $0.1] } == [[0, 1_000], [1, 1_000], [2, 500]])
        #expect(TableSnapshot(try store.loadAllTraces()) == TableSnapshot(table))
        #expect(try store.check() == [])
        let before = try StoreTest.dump(store)
        #expect(try StoreTest.importTables([table], into: store).spansWritten == 0)
        #expect(try StoreTest.dump(store) == before)
    }

    @Test func aTraceImportedInPartsIsMergedChunkByChunk() throws {
        let table = Self.wide(2_500)
        var parts = [SpanTableBuilder(), SpanTableBuilder(), SpanTableBuilder()]
        for (i, span) in table.spans.enumerated() { parts[i % 3].copy(span, from: table) }
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        var written = 0
        for i in parts.indices { written += try StoreTest.importTables([parts[i].finish()], into: store).spansWritten }
        #expect(written == 2_500)
        // New spans fill the last chunk before starting another.
        #expect(try Self.chunks(store).map(\.1) == [1_000, 1_000, 500])
        #expect(TableSnapshot(try store.loadAllTraces()) == TableSnapshot(table))
        #expect(StoreTest.describe(try store.traceListing()) == StoreTest.summaries(table))
        #expect(try store.check() == [])
        #expect(try StoreTest.importTables([table], into: store).spansWritten == 0)
    }

    @Test func aChangedSpanIsKeptBesideTheStoredOneInTheLastChunk() throws {
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        let original = Self.wide(2_500)
        try StoreTest.importTables([original], into: store)
        let before = try Self.chunks(store)
        let changed = Self.wide(2_500, retry: 3)
        let totals = try StoreTest.importTables([changed], into: store)
        #expect(totals.spansWritten == 1)
        #expect(totals.tracesUpdated == 1)
        let after = try Self.chunks(store)
        #expect(after[0].2 == before[0].2)
        #expect(after[1].2 == before[1].2, "the stored span stays as it was")
        #expect(after[2].2 != before[2].2, "the other content joins the last chunk")
        #expect(after.map(\.1) == [1_000, 1_000, 501])
        #expect(TableSnapshot(try store.loadAllTraces()) == TableSnapshot(SpanTable.merging([original, changed])))
        #expect(try store.check() == [])
    }
}
