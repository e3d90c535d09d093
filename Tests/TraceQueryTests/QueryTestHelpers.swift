import Testing
import TraceModel
import TestSupport
@testable import TraceQuery

/// Parses a query that must be valid, recording a test issue (with the rendered diagnostic)
/// otherwise.
func parse(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Query? {
    switch Query.result(text) {
    case .success(let q): return q
    case .failure(let d):
        Issue.record("\(text) failed:\n\(d.rendered(query: text))", sourceLocation: sourceLocation)
        return nil
    }
}

/// The diagnostic of a query that must be invalid.
func diagnostic(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> QueryDiagnostic? {
    switch Query.result(text) {
    case .success(let q):
        Issue.record("\(text) parsed as \(q) but should fail", sourceLocation: sourceLocation)
        return nil
    case .failure(let d): return d
    }
}

/// The canonical text of a valid query ("<error>" when it fails).
func canonical(_ text: String) -> String {
    (try? Query.parse(text).description) ?? "<error>"
}

/// The names of the matched spans of every matching trace, keyed by trace index.
func matchedNames(_ text: String, in table: SpanTable,
                  sourceLocation: SourceLocation = #_sourceLocation) -> [Int: [String]] {
    guard let q = parse(text, sourceLocation: sourceLocation) else { return [:] }
    var out: [Int: [String]] = [:]
    for m in QueryEngine.run(q, on: table) {
        let trace = table.trace(at: m.traceIndex)
        out[m.traceIndex] = m.matchedSpans.map { trace.nameOf(Int($0)) }
    }
    return out
}

/// The names of the matched spans of a one-trace table, sorted (empty when it does not match).
func matched(_ text: String, in table: SpanTable, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
    matchedNames(text, in: table, sourceLocation: sourceLocation).values.flatMap { $0 }.sorted()
}

/// A deterministic generator for the fuzz tests.
typealias SeededGenerator = SplitMix64
