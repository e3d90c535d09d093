import Foundation
import Testing
import TestSupport

/// Each trace's problems on the command line: `trex list --problems`, `trace:problem` in
/// `trex query`, and `problems` in `trex analyze --json` all say the same.
@Suite struct ProblemsCLITests {
    let samples = TrexBinary.packageRoot.appendingPathComponent("docs/samples/otlp").path

    @Test func listProblemsAddsAColumnAndAJSONKey() throws {
        let table = try TrexBinary.run(["list", "--problems", samples])
        #expect(table.status == 0)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.contains("PROBLEMS") == true)
        #expect(lines.contains { $0.contains("POST /login") && $0.contains(" error ") })
        #expect(lines.contains { $0.contains("GET /api/orders/history") && $0.contains(" n-plus-one ") })
        #expect(lines.contains { $0.contains("GET /api/quote") && $0.contains(" clock-skew ") })
        #expect(!(try TrexBinary.run(["list", samples]).stdout.contains("PROBLEMS")))

        let json = try TrexBinary.run(["list", "--problems", "--json", samples])
        let rows = try #require(try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [[String: Any]])
        #expect(rows.count == 6)
        for row in rows {
            let id = try #require(row["traceId"] as? String)
            let problems = try #require(row["problems"] as? [String])
            // The same as the report of that trace.
            let analyze = try TrexBinary.run(["analyze", "--json", id, samples])
            let report = try #require(try JSONSerialization.jsonObject(with: analyze.stdoutBytes) as? [String: Any])
            #expect(report["problems"] as? [String] == problems, "\(id)")
        }
    }

    @Test func queryFiltersOnAProblemAndExplainsAnUnknownOne() throws {
        let skewed = try TrexBinary.run(["query", "trace:problem = \"clock-skew\"", samples])
        #expect(skewed.status == 0)
        let lines = skewed.stdout.split(separator: "\n")
        #expect(lines.count == 2, "a header and the quote trace: \(skewed.stdout)")
        #expect(skewed.stdout.contains("GET /api/quote"))

        let typo = try TrexBinary.run(["query", "trace:problem = \"n+1\"", samples])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("unknown trace problem `n+1`"), "\(typo.stderr)")
        #expect(typo.stderr.contains("^"))
    }
}
