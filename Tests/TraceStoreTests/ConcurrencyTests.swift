import TestSupport
import Foundation
import GRDB
import Testing
import TraceModel
@testable import TraceStore

/// WAL mode: readers see a consistent snapshot while an import writes.
@Suite struct ConcurrencyTests {
    @Test func aReaderKeepsItsSnapshotWhileAnImportCommits() throws {
        let dir = TemporaryDirectory()
        let writer = try StoreTest.makeStore(dir)
        let generator = SyntheticTraces(spansPerTrace: 20)
        try StoreTest.importTables([generator.table(traces: 0..<5)], into: writer)
        // A second store object: its own connections, as the explorer in another process has.
        let reader = try PersistentStore.open(at: writer.path, readOnly: true)
        let inside = try reader.read { db -> Int in
            let before = try Int.fetchOne(db, sql: "SELECT count(*) FROM traces") ?? 0
            // The import commits while this read transaction is open: it must neither block
            // nor be seen.
            try StoreTest.importTables([generator.table(traces: 5..<15)], into: writer)
            let during = try Int.fetchOne(db, sql: "SELECT count(*) FROM traces") ?? 0
            #expect(during == before)
            return during
        }
        #expect(inside == 5)
        #expect(try reader.info().traceCount == 15)
        #expect(try reader.traceListing().count == 15)
    }

    @Test func readersOnOtherThreadsAlwaysSeeConsistentSummaries() throws {
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        let reader = try PersistentStore.open(at: store.path)
        let generator = SyntheticTraces(spansPerTrace: 15)
        let finished = Flag()
        Thread.detachNewThread {
            defer { finished.set() }
            let importer = StoreImporter(store: store, options: .init(batchSpans: 60))
            for first in stride(from: 0, to: 60, by: 10) {
                do { try importer.add(generator.table(traces: first..<first + 10)) } catch { finished.fail("\(error)") }
            }
        }
        var observations = 0
        while !finished.isSet {
            // In one snapshot: the summaries' span counts add up to the stored spans.
            let (summed, counted) = try reader.read { db in
                (try Int.fetchOne(db, sql: "SELECT coalesce(sum(span_count), 0) FROM traces") ?? -1,
                 try Int.fetchOne(db, sql: "SELECT coalesce(sum(span_count), 0) FROM span_chunks") ?? -2)
            }
            #expect(summed == counted)
            observations += 1
        }
        #expect(finished.failure == nil)
        #expect(observations > 0)
        #expect(try reader.info().traceCount == 60)
        #expect(try reader.check().isEmpty)
    }
}

/// A flag one thread sets and another polls.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    private var message: String?

    var isSet: Bool { lock.withLock { value } }
    var failure: String? { lock.withLock { message } }
    func set() { lock.withLock { value = true } }
    func fail(_ text: String) { lock.withLock { message = text } }
}
