import Foundation

/// The queries the query-language tests run, for other test targets to run them too (the
/// store's equivalence test runs each through SQLite and in memory).
public enum QueryCorpus {
    /// Every valid (`ok`) query of `queryCorpus`, in corpus order.
    public static let validQueries: [String] = queryCorpus.split(separator: "\n").compactMap { line in
        guard line.hasPrefix("ok ") else { return nil }
        var query = String(line.dropFirst(7))
        while query.last == " " { query.removeLast() }
        return query
    }

    /// The evaluator tests' files, whose query literals `evaluatorQueries` reads.
    public static let evaluatorTestFiles = [
        "AttributeEvaluationTests.swift", "IntrinsicEvaluationTests.swift", "TraceLevelAndStructureTests.swift",
        "CompiledQueryTests.swift", "PrimerTests.swift", "TraceQLIntrinsicTests.swift", "PipelineTests.swift",
    ]

    /// The evaluator tests of TraceQL's own forms (scopes, arithmetic, metrics), whose small fixtures'
    /// attributes the shared query data mostly lacks: run through the store on their own.
    public static let traceQLTestFiles = ["TraceQLScopeTests.swift", "ArithmeticTests.swift", "MetricsTests.swift"]

    /// The queries of the evaluator tests, read from their source files (Tests/TraceQueryTests),
    /// so the list follows those tests without being copied: every string literal passed as the
    /// first argument of `names(`, `matched(`, `matchedNames(`, `traces(`, `result(` or
    /// `Query.parse(`, except literals with interpolations. Duplicates removed, in file order.
    public static func evaluatorQueries(files: [String] = evaluatorTestFiles) throws -> [String] {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TraceQueryTests")
        var seen = Set<String>()
        var queries: [String] = []
        for file in files {
            let source = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            for query in SwiftStringLiterals.firstArguments(of: ["names", "matched", "matchedNames", "traces", "result",
                                                                 "Query.parse"], in: source)
            where seen.insert(query).inserted {
                queries.append(query)
            }
        }
        return queries
    }
}
