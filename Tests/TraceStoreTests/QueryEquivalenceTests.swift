import Testing
import TestSupport
import TraceModel
import TraceQuery
@testable import TraceStore

/// Every valid query of the query-language corpus and every query of the evaluator tests runs
/// in memory (`QueryEngine`) and through the store (`StoreQueryEngine`: SQL pushdown, loading
/// the candidates, exact evaluation) on the same data, and must find the same traces and the
/// same matched spans.
@Suite struct QueryEquivalenceTests {
    /// The corpus traces, the evaluator fixtures and some synthetic traces.
    static let data = SpanTable.merging([
        CorpusTraces.table(), SyntheticTraces(services: 6, spansPerTrace: 30, seed: 3).table(traces: 0..<40),
    ])

    static let queries: [String] = {
        var seen = Set<String>()
        let evaluator = (try? QueryCorpus.evaluatorQueries()) ?? []
        return (QueryCorpus.validQueries + evaluator).filter { seen.insert($0).inserted }
    }()

    /// One store holding `data`, shared by the tests (the directory lives as long as the process).
    static let shared: (directory: TemporaryDirectory, store: PersistentStore) = {
        let directory = TemporaryDirectory()
        let store = try! StoreTest.makeStore(directory)
        try! StoreTest.importTables([data], into: store, options: .init(batchSpans: 200))
        try! StoreImporter(store: store).finish()
        return (directory, store)
    }()

    /// Matches as (trace id, matched span ids), comparable across tables.
    static func key(_ matches: [TraceMatch], in table: SpanTable) -> [TraceID: [SpanID]] {
        var out: [TraceID: [SpanID]] = [:]
        for m in matches {
            let trace = table.trace(at: m.traceIndex)
            out[trace.id] = m.matchedSpans.map { trace[Int($0)].spanID }.sorted()
        }
        return out
    }

    @Test func theQueryListIsTheWholeCorpusAndTheEvaluatorTests() throws {
        #expect(QueryCorpus.validQueries.count >= 100)
        let evaluator = try QueryCorpus.evaluatorQueries()
        #expect(evaluator.count >= 150, "read from Tests/TraceQueryTests: \(evaluator.count)")
        #expect(evaluator.contains(#"Duration > 5s AND service.name="checkout""#))
        #expect(evaluator.contains("http.status_code >= 400"))
        for text in Self.queries { #expect((try? Query.parse(text)) != nil, "\(text)") }
    }

    @Test(arguments: queries)
    func storeAndMemoryAgree(_ text: String) throws {
        let query = try Query.parse(text)
        let expected = Self.key(QueryEngine.run(query, on: Self.data), in: Self.data)
        let result = try StoreQueryEngine.run(query, on: Self.shared.store)
        #expect(Self.key(result.matches, in: result.table) == expected, "\(text) pushed down as \(result.filter)")
        #expect(Set(result.matchedTraces.map(\.traceID)) == Set(expected.keys))
        #expect(result.matchedSummaries.map(\.traceID) == result.matchedTraces.map(\.traceID))
    }

    /// The project's TraceQL corpus (valid and deliberate additions), metrics queries included.
    /// With the queries of the arithmetic and metrics evaluator tests.
    static let traceQLQueries: [String] = {
        var seen = Set<String>()
        let corpus = TraceQLCorpusEntry.parse(traceQLCorpus).filter { $0.kind != .invalid }.map(\.query)
        let tests = (try? QueryCorpus.evaluatorQueries(files: QueryCorpus.traceQLTestFiles)) ?? []
        return (corpus + tests).filter { seen.insert($0).inserted }
    }()

    @Test(arguments: traceQLQueries)
    func storeAndMemoryAgreeOnTheTraceQLCorpus(_ text: String) throws {
        let query = try Query.parse(text)
        let expected = QueryEngine.run(query, on: Self.data)
        let result = try StoreQueryEngine.run(query, on: Self.shared.store)
        #expect(Self.key(result.matches, in: result.table) == Self.key(expected, in: Self.data),
                "\(text) pushed down as \(result.filter)")
        // A metrics query counts the same spans into the same series either way.
        if query.metrics != nil {
            let memory = try MetricsEngine.answer(query, matches: [(Self.data, expected)])
            let store = try MetricsEngine.answer(query, matches: [(result.table, result.matches)])
            #expect(memory == store, "\(text)")
        }
    }

    @Test func theDataIsRichEnoughThatMostQueriesMatch() throws {
        let matching = try Self.queries.filter { !QueryEngine.run(try Query.parse($0), on: Self.data).isEmpty }
        #expect(Double(matching.count) >= 0.8 * Double(Self.queries.count),
                "only \(matching.count) of \(Self.queries.count) match")
        let corpus = try QueryCorpus.validQueries.filter { !QueryEngine.run(try Query.parse($0), on: Self.data).isEmpty }
        #expect(Double(corpus.count) >= 0.8 * Double(QueryCorpus.validQueries.count),
                "only \(corpus.count) of \(QueryCorpus.validQueries.count) corpus queries match")
    }

    @Test func thePushdownNarrowsWhatItCan() throws {
        let total = Self.data.traces.count
        var narrowed = 0
        for text in Self.queries {
            let result = try StoreQueryEngine.run(try Query.parse(text), on: Self.shared.store)
            if !result.loadedEverything && result.loadedFromStore < total { narrowed += 1 }
        }
        // Most queries name a service, a name, a duration, a status, a kind or an attribute.
        #expect(narrowed >= Self.queries.count / 2, "\(narrowed) of \(Self.queries.count)")
        let slow = try StoreQueryEngine.run(try Query.parse(#"service = "checkout" AND duration > 5s"#),
                                            on: Self.shared.store)
        #expect(slow.loadedFromStore == 1)
        let nothing = try StoreQueryEngine.run(try Query.parse(#"service = "nowhere""#), on: Self.shared.store)
        #expect(nothing.loadedFromStore == 0 && nothing.matches.isEmpty)
    }
}
