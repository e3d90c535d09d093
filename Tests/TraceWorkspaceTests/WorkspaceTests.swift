import Testing
import TestSupport
import TraceAnalysis
import TraceModel
import TraceQuery
import TraceStore
@testable import TraceWorkspace

/// Files in memory and a store composed: every answer is the one a single table holding all
/// their spans gives.
@Suite struct WorkspaceTests {
    /// Traces split between files and a store: `only-files`, `only-store`, and `shared`, whose
    /// root and first call are in the files and whose second call (the one with an error and
    /// the `db.system` attribute) is in the store.
    struct Split {
        let directory = TemporaryDirectory()
        let files: TraceCatalog
        let store: PersistentStore
        let workspace: Workspace
        /// Everything in one table: the reference every answer is compared with.
        let whole: SpanTable

        init() throws {
            var inFiles = TraceFixture(trace: "only-files")
            inFiles.span("f-root", service: "web", start: 0, end: 100, kind: .server)
            inFiles.span("f-child", parent: "f-root", service: "web", start: 10, end: 90)
            inFiles.inTrace("shared")
            inFiles.span("s-root", service: "web", name: "GET /checkout", start: 1_000, end: 1_400, kind: .server)
            inFiles.span("s-call", parent: "s-root", service: "web", start: 1_010, end: 1_100, kind: .client)
            var inStore = TraceFixture(trace: "only-store")
            inStore.span("o-root", service: "api", start: 5_000, end: 5_050, kind: .server)
            inStore.inTrace("shared")
            inStore.span("s-db", parent: "s-root", service: "db", start: 1_120, end: 1_390, kind: .client,
                         status: .error, attributes: ["db.system": .string("postgresql")])
            let fileTable = inFiles.build(), storeTable = inStore.build()
            whole = SpanTable.merging([fileTable, storeTable])
            files = TraceCatalog(table: fileTable)
            store = try PersistentStore.open(at: directory.file("traces.sqlite"), create: true)
            let importer = StoreImporter(store: store)
            try importer.add(storeTable)
            workspace = Workspace(files: files, store: store)
        }

        static let shared = StableHash.traceID(for: "shared")
        static let onlyFiles = StableHash.traceID(for: "only-files")
        static let onlyStore = StableHash.traceID(for: "only-store")
    }

    /// A workspace with one fixture trace in the files and another in a store (keep the
    /// directory alive while using it).
    static func split(_ table: SpanTable, inFiles: String, inStore: String) throws -> (Workspace, TemporaryDirectory) {
        let directory = TemporaryDirectory()
        let store = try PersistentStore.open(at: directory.file("t.sqlite"), create: true)
        let index = { (name: String) in table.traceIndex(of: StableHash.traceID(for: name))! }
        try StoreImporter(store: store).add(table.copying(traces: [index(inStore)]))
        return (Workspace(files: TraceCatalog(table: table.copying(traces: [index(inFiles)])), store: store), directory)
    }

    @Test func theTracesBothSourcesHoldAreTheSharedOnes() throws {
        let split = try Split()
        #expect(try split.workspace.sharedTraceIDs() == [Split.shared])
        #expect(try split.workspace.allTraceIDs() == [Split.onlyFiles, Split.onlyStore, Split.shared].sorted())
        #expect(try Workspace(files: split.files, store: nil).sharedTraceIDs().isEmpty)
    }

    @Test func theListingSummarisesASharedTraceWithTheSpansOfBoth() throws {
        let split = try Split()
        let listing = try split.workspace.listing()
        #expect(listing.summaries.map(\.traceID) == [Split.onlyFiles, Split.shared, Split.onlyStore])
        let shared = try #require(listing.summaries.first { $0.traceID == Split.shared })
        #expect(shared.spanCount == 3)
        #expect(shared.errorCount == 1)
        #expect(listing.strings[shared.rootName] == "GET /checkout")
        #expect(Set(shared.services.map { listing.strings[$0] }) == ["web", "db"])
        let reference = TraceCatalog(table: split.whole).summaries
        #expect(listing.summaries.map(\.spanCount) == reference.sorted { $0.start < $1.start }.map(\.spanCount))
    }

    @Test func loadingASharedTraceMergesItsSpans() throws {
        let split = try Split()
        let table = try split.workspace.loadTraces([Split.shared])
        #expect(table.traces.count == 1)
        #expect(table.trace(at: 0).spanCount == 3)
        let names = Set((0..<3).map { table.strings[table.trace(at: 0)[$0].name] })
        #expect(names == ["GET /checkout", "s-call", "s-db"])
        #expect(try split.workspace.loadTraces([Split.onlyStore]).spans.count == 1)
        #expect(try split.workspace.loadTraces([TraceID(high: 1, low: 2)]).spans.isEmpty)
    }

    @Test func findingAnIDLooksInEverySource() throws {
        let split = try Split()
        for id in [Split.onlyFiles, Split.onlyStore, Split.shared] {
            #expect(try split.workspace.findTrace(id.hex) == .success(id))
            #expect(try split.workspace.findTrace(String(id.hex.prefix(10))) == .success(id))
        }
        #expect(try split.workspace.findTrace("") == .failure(.empty))
        #expect(try split.workspace.findTrace("zz") == .failure(.notFound("zz")))
        let named = try split.workspace.trace(named: Split.shared.hex).get()
        #expect(named.catalog.trace(at: named.index).spanCount == 3)
    }

    @Test func anIDPrefixSeveralSourcesShareIsAmbiguousAcrossThem() throws {
        // Two traces whose ids share their first digits, one per source.
        let a = TraceID(high: 0xabcd_ef01_0000_0000, low: 1), b = TraceID(high: 0xabcd_ef01_0000_0000, low: 2)
        var left = SpanTableBuilder(), right = SpanTableBuilder()
        for (builder, id) in [(0, a), (1, b)] {
            let span = Span(traceID: id, spanID: SpanID(UInt64(builder + 1)), parentSpanID: .zero,
                            name: .empty, kind: .server, start: Timestamp(unixNanos: 1_700_000_000_000_000_000),
                            end: Timestamp(unixNanos: 1_700_000_000_100_000_000), resource: 0,
                            status: .unset, statusMessage: .empty)
            if builder == 0 { left.append(span) } else { right.append(span) }
        }
        let directory = TemporaryDirectory()
        let store = try PersistentStore.open(at: directory.file("t.sqlite"), create: true)
        try StoreImporter(store: store).add(right.finish())
        let workspace = Workspace(files: TraceCatalog(table: left.finish()), store: store)
        guard case .failure(.ambiguous(_, let candidates)) = try workspace.findTrace("abcdef01") else {
            Issue.record("expected an ambiguous prefix")
            return
        }
        #expect(candidates.map(\.id) == [a, b])
    }

    @Test(arguments: [
        "status = error",
        "db.system = \"postgresql\"",
        "{ resource.service.name = \"web\" } && { span.db.system = \"postgresql\" }",
        "service.name = \"api\" OR service.name = \"web\"",
        "duration > 300ms",
        "name = \"f-child\"",
    ])
    func aQueryFindsWhatItFindsOnOneTable(_ text: String) throws {
        let split = try Split()
        let query = try Query.parse(text)
        let result = try split.workspace.query(query)
        let expected = QueryEngine.run(query, on: split.whole).map { split.whole.traces[$0.traceIndex].traceID }
        let found = result.orderedMatches.map { $0.catalog.table.traces[$0.match.traceIndex].traceID }
        #expect(Set(found) == Set(expected), "\(text)")
        #expect(found.count == expected.count)
        let counts = QueryEngine.run(query, on: split.whole).reduce(into: [TraceID: Int]()) {
            $0[split.whole.traces[$1.traceIndex].traceID] = $1.matchedSpans.count
        }
        #expect(result.matchedSpanCounts == counts, "\(text)")
    }

    @Test func aSharedTraceMatchesOnlyWithTheSpansOfBothSources() throws {
        let split = try Split()
        // The name is in the files, the attribute in the store: neither source alone matches.
        let query = try Query.parse("{ name = \"GET /checkout\" } && { span.db.system = \"postgresql\" }")
        #expect(QueryEngine.run(query, on: split.files.table).isEmpty)
        let result = try split.workspace.query(query)
        #expect(result.matchCount == 1)
        #expect(result.matchedSpanCounts[Split.shared] == 2)
    }

    @Test func batchesHoldEveryTraceOnceAndWhole() throws {
        let split = try Split()
        var seen: [TraceID: Int] = [:]
        try split.workspace.forEachBatch(spans: 1) { batch in
            for trace in batch.traces { seen[trace.traceID, default: 0] += 1 }
        }
        #expect(seen == [Split.onlyFiles: 1, Split.onlyStore: 1, Split.shared: 1])
        var spans: [TraceID: Int] = [:]
        try split.workspace.forEachBatch { batch in
            for (i, trace) in batch.traces.enumerated() { spans[trace.traceID] = batch.trace(at: i).spanCount }
        }
        #expect(spans[Split.shared] == 3)
    }

    @Test func theAnalysisSeesNeighboursInAnotherSource() throws {
        // The client call is in the files, the server root it probably reached in the store.
        let table = AnalysisDrawing.table("""
            checkout web    [==============]  trace=t1 kind=server
             pay     web      [==========]    trace=t1 kind=client
            charge   payment    [======]      trace=t2 kind=server parent=-
            """, attributes: ["pay": ["peer.service": .string("payment")]])
        let (workspace, directory) = try Self.split(table, inFiles: "t1", inStore: "t2")
        defer { withExtendedLifetime(directory) {} }
        let t1 = table.traceIndex(of: StableHash.traceID(for: "t1"))!

        let server = try #require(try workspace.analysisSubject(StableHash.traceID(for: "t2")))
        let onServer = server.report().diagnostics.filter { $0.kind == .brokenPropagation }
        #expect(onServer.count == 1)
        #expect(onServer.first?.message.contains(StableHash.traceID(for: "t1").hex) == true)
        let client = try #require(try workspace.analysisSubject(StableHash.traceID(for: "t1")))
        #expect(client.report().diagnostics.contains { $0.kind == .brokenPropagation })
        // Alone, neither source knows.
        let alone = Workspace(files: TraceCatalog(table: table.copying(traces: [t1])), store: nil)
        let lonely = try #require(try alone.analysisSubject(StableHash.traceID(for: "t1")))
        #expect(!lonely.report().diagnostics.contains { $0.kind == .brokenPropagation })
        #expect(try workspace.analysisSubject(TraceID(high: 3, low: 3)) == nil)
    }

    @Test func anOrphansParentInAnotherTraceIsFoundThroughTheStore() throws {
        var fixture = TraceFixture(trace: "parent-trace")
        fixture.span("p-root", service: "web", start: 0, end: 100, kind: .server)
        fixture.inTrace("orphan-trace")
        fixture.span("lost", parent: "p-root", service: "worker", start: 200_000, end: 200_050)
        let table = fixture.build()
        let orphanIndex = table.traceIndex(of: StableHash.traceID(for: "orphan-trace"))!
        let (workspace, directory) = try Self.split(table, inFiles: "orphan-trace", inStore: "parent-trace")
        defer { withExtendedLifetime(directory) {} }
        let subject = try #require(try workspace.analysisSubject(StableHash.traceID(for: "orphan-trace")))
        // The parent trace is far away in time: only the span-id lookup brings it in.
        #expect(subject.catalog.traceCount == 2)
        let reference = AnalysisReport(table.trace(at: orphanIndex), others: TraceSetIndex(table))
        let orphans = subject.report().diagnostics.filter { $0.kind == .orphan }
        #expect(orphans.map(\.message) == reference.diagnostics.filter { $0.kind == .orphan }.map(\.message))
        #expect(orphans.first?.message.contains(StableHash.traceID(for: "parent-trace").hex) == true)
    }

    @Test func hintsHoldForEveryBatch() throws {
        let split = try Split()
        let hints = try split.workspace.hints(for: try Query.parse("no.such.attribute = 1"))
        #expect(!hints.isEmpty)
        #expect(try split.workspace.hints(for: try Query.parse("db.system = \"mysql\"")).allSatisfy { !$0.contains("db.system") })
    }
}
