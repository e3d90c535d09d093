#if canImport(Glibc)
import Glibc
#endif
import TestSupport
import Foundation
import Testing
import TraceFormats
import TraceModel
@testable import TraceStore

/// `kill -9` during `trex import` leaves a consistent store: every batch committed before the
/// kill is there, nothing of the batch being written is, and every summary matches its spans.
///
/// Runs the real `trex` executable, which `swift build` puts next to the test bundle.
@Suite(.serialized) struct CrashSafetyTests {
    /// `.build/<triple>/debug/trex`, beside this test bundle.
    static let trex: String? = {
        guard let bundle = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        let path = URL(fileURLWithPath: bundle).deletingLastPathComponent().appendingPathComponent("trex").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }()

    /// True once the format decoders and the OTLP encoder are merged: an encoded table decodes.
    static let formatsWork: Bool = {
        let table = SyntheticTraces(spansPerTrace: 4).table(traces: 0..<2)
        let outcome = TraceLoader.load(bytes: OTLPJSONEncoder.encode(table), source: "probe.json")
        return outcome.spanCount == table.spans.count
    }()

    @Test(.enabled(if: trex != nil && formatsWork,
                   "needs the trex executable and the OTLP JSON decoder and encoder (TraceFormats)"))
    func killingAFileImportLeavesAConsistentStore() throws {
        let dir = TemporaryDirectory()
        let input = dir.file("big.otlp.json")
        let bytes = OTLPJSONEncoder.encode(SyntheticTraces().table(traces: 0..<1_500))
        TemporaryDirectory.write(bytes, to: input)
        // What the store must hold is what the decoder makes of the file.
        let decoded = TraceLoader.load(bytes: bytes, source: input).table
        try killMidImport(arguments: [input, "--batch-spans", "1500"], expected: decoded)
    }

    /// Runs `trex import --store S ARGS` three times on the same store (indexes deferred, kept
    /// up to date, deferred), each time killing it with SIGKILL while it is still importing, once it has committed a few more batches than the
    /// run before (the import is idempotent, so each run redoes the start and gets further),
    /// and checks the store every kill leaves.
    private func killMidImport(arguments: [String], expected: SpanTable? = nil) throws {
        let dir = TemporaryDirectory()
        let path = dir.file("crash.sqlite")
        var committed = 0
        for round in 1...3 {
            // Both ways of maintaining indexes: deferred (dropped until the end) and incremental.
            let indexes = ["--indexes", round == 2 ? "incremental" : "deferred"]
            committed = try killOnce(path: path, arguments: arguments + indexes, after: committed + 40, round: round)
            try checkStore(at: path, committed: committed, expected: expected)
        }
        // It takes more imports afterwards, and the next one restores the deferred indexes.
        let store = try PersistentStore.open(at: path)
        #expect(try !store.missingIndexes().isEmpty)
        try StoreTest.importTables([RichTable.make()], into: store)
        #expect(try store.check() == [])
        #expect(try store.missingIndexes() == [])
    }

    /// Starts the import, waits until the store holds `traces` traces, kills it; returns the
    /// trace count seen last before the kill.
    private func killOnce(path: String, arguments: [String], after traces: Int, round: Int) throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.trex))
        process.arguments = ["import", "--store", path, "--quiet"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        // Poll read-only (never interfering) until enough batches are committed.
        var committed = 0
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(300)
        while committed < traces, process.isRunning, clock.now < deadline {
            usleep(10_000)
            committed = (try? PersistentStore.open(at: path, readOnly: true).info().traceCount) ?? 0
        }
        try #require(process.isRunning, "round \(round): the import ended before it could be killed (\(committed) traces)")
        #expect(kill(process.processIdentifier, SIGKILL) == 0)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGKILL)
        return committed
    }

    /// The store opens, SQLite finds no damage, every summary matches its spans, the batches
    /// seen committed are there, and every stored trace is exactly as generated.
    private func checkStore(at path: String, committed: Int, expected: SpanTable?) throws {
        let store = try PersistentStore.open(at: path)
        #expect(try store.check() == [])
        let stored = try store.traceListing()
        #expect(stored.count >= committed)
        let reference = expected ?? SyntheticTraces().table(traces: 0..<((stored.count / 200 + 2) * 200))
        let ids = stored.summaries.map(\.traceID)
        let wanted = TraceCatalog(table: reference).loadTraces(ids)
        #expect(wanted.traces.count == ids.count)
        #expect(TableSnapshot(try store.loadAllTraces()) == TableSnapshot(wanted))
        #expect(StoreTest.describe(stored) == StoreTest.summaries(wanted))
        try store.close()
    }
}
