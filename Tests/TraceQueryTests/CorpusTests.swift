import Testing
import TestSupport
@testable import TraceQuery

/// The example corpus (`QueryCorpus.swift`): valid queries with their canonical text and
/// round trips, and failures at each stage with their exact ranges.
@Suite struct CorpusTests {
    static let entries = CorpusEntry.parse(queryCorpus)
    static let valid = entries.filter { $0.kind == .ok }
    static let failing = entries.filter { $0.kind != .ok }

    @Test func corpusIsSubstantial() {
        #expect(Self.valid.count >= 100)
        #expect(Self.failing.count >= 90)
        for kind in [CorpusEntry.Kind.lex, .parse, .check] {
            #expect(Self.failing.contains { $0.kind == kind })
        }
    }

    @Test(arguments: valid)
    func validQuery(_ entry: CorpusEntry) throws {
        let query = try #require(parse(entry.query))
        #expect(query.description == entry.canonical, "line \(entry.line)")
        // parse -> print -> parse gives the same AST, and the canonical text is a fixed point.
        let again = try #require(parse(query.description))
        #expect(again == query, "line \(entry.line): \(query.description)")
        #expect(again.description == query.description)
    }

    @Test(arguments: failing)
    func failingQuery(_ entry: CorpusEntry) throws {
        let d = try #require(diagnostic(entry.query))
        let rendered = d.rendered(query: entry.query)
        #expect(d.stage == entry.stage, "line \(entry.line): \(rendered)")
        #expect(d.range == entry.range, "line \(entry.line): \(rendered)")
        if let message = entry.message {
            #expect(d.message.contains(message), "line \(entry.line): \(d.message)")
        }
        if let suggestion = entry.suggestion {
            #expect(d.suggestion == suggestion, "line \(entry.line): \(rendered)")
        }
        // The range always lies within the query (the end of the query at most).
        #expect(d.range.lowerBound >= 0 && d.range.upperBound <= entry.query.count)
    }
}
