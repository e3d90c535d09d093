import Testing
import TestSupport
import TraceModel
import TraceQuery
import TraceStore
@testable import TraceWorkspace

/// Every valid query of the query-language corpus and every query of the evaluator tests, on
/// data split span by span between a store and files in memory (as `--store` with files): the
/// workspace finds the same traces and the same matched spans as `QueryEngine` on all of it in
/// one table.
@Suite struct WorkspaceQueryEquivalenceTests {
    static let data = SpanTable.merging([
        CorpusTraces.table(), SyntheticTraces(services: 6, spansPerTrace: 30, seed: 3).table(traces: 0..<40),
    ])

    static let whole = TraceCatalog(table: data)

    static let queries: [String] = {
        var seen = Set<String>()
        let evaluator = (try? QueryCorpus.evaluatorQueries()) ?? []
        return (QueryCorpus.validQueries + evaluator).filter { seen.insert($0).inserted }
    }()

    /// Every other span in the store, the rest in memory: nearly every trace is in both.
    static let halves: (directory: TemporaryDirectory, workspace: Workspace) = {
        var stored = SpanTableBuilder(), files = SpanTableBuilder()
        for (i, span) in data.spans.enumerated() {
            if i % 2 == 0 { stored.copy(span, from: data) } else { files.copy(span, from: data) }
        }
        let directory = TemporaryDirectory()
        let store = try! PersistentStore.open(at: directory.file("traces.sqlite"), create: true)
        try! StoreImporter(store: store).add(stored.finish())
        return (directory, Workspace(files: TraceCatalog(table: files.finish()), store: store))
    }()

    /// Matches as (trace id, matched span ids), comparable across tables.
    static func key(_ matches: [(catalog: TraceCatalog, match: TraceMatch)]) -> [TraceID: [SpanID]] {
        var out: [TraceID: [SpanID]] = [:]
        for (catalog, m) in matches {
            let trace = catalog.trace(at: m.traceIndex)
            out[trace.id] = m.matchedSpans.map { trace[Int($0)].spanID }.sorted()
        }
        return out
    }

    @Test func theQueryListIsLarge() throws {
        #expect(Self.queries.count >= 250)
        #expect(try Self.halves.workspace.sharedTraceIDs().count > Self.data.traces.count / 2)
    }

    @Test(arguments: queries)
    func storePlusFilesAgreesWithEverythingInMemory(_ text: String) throws {
        let query = try Query.parse(text)
        let expected = Self.key(QueryEngine.run(query, on: Self.data).map { (Self.whole, $0) })
        let result = try Self.halves.workspace.query(query)
        #expect(Self.key(result.orderedMatches) == expected, "\(text)")
    }
}
