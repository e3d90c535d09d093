import Foundation
import Testing
import TraceModel
import TestSupport
@testable import TraceAnalysis

/// The `trex analyze --json` keys the issue fixes.
@Suite struct AnalysisReportJSONTests {
    func json(_ report: AnalysisReport) throws -> [String: Any] {
        let data = try JSONEncoder().encode(report)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func theFixedKeysHaveTheirShapes() throws {
        let trace = PrimerTraces.login
        let object = try json(AnalysisReport(trace))
        let traceID = try #require(object["traceId"] as? String)
        #expect(traceID.count == 32 && traceID == trace.id.hex && traceID == traceID.lowercased())

        let path = try #require(object["criticalPath"] as? [[String: Any]])
        #expect(!path.isEmpty)
        var previous = Int64.min
        for section in path {
            #expect(Set(section.keys) == ["spanId", "startUnixNano", "endUnixNano"])
            let id = try #require(section["spanId"] as? String)
            #expect(id.count == 16 && SpanID(hex: id) != nil)
            let start = try #require((section["startUnixNano"] as? NSNumber)?.int64Value)
            let end = try #require((section["endUnixNano"] as? NSNumber)?.int64Value)
            #expect(start >= previous && end > start)
            previous = start
        }

        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        for d in diagnostics {
            #expect(DiagnosticKind(rawValue: d["kind"] as? String ?? "") != nil)
            #expect((d["spanIds"] as? [String])?.allSatisfy { $0.count == 16 } == true)
            #expect((d["message"] as? String)?.isEmpty == false)
        }

        // Times are written as plain integers.
        let text = String(decoding: try JSONEncoder().encode(AnalysisReport(trace)), as: UTF8.self)
        let times = text.split(separator: "\"").enumerated().filter { $0.element == "startUnixNano" }
        #expect(!times.isEmpty)
        #expect(!text.contains("e+") && text.contains("\"startUnixNano\":\(TraceFixture.origin)"))

        let causes = try #require(object["rootCauses"] as? [String])
        #expect(causes.count == 3)
        #expect(causes.allSatisfy { id in (0..<trace.spanCount).contains { trace[$0].spanID.hex == id && trace.nameOf($0) == "users" } })
    }

    @Test func diagnosticKindsUseTheIssuesNames() {
        #expect(DiagnosticKind.allCases.map(\.rawValue).sorted() == [
            "bad-duration", "broken-propagation", "clock-skew", "duplicate-span-id", "fan-out", "multiple-roots",
            "n-plus-one", "orphan", "outlives-parent", "parent-cycle", "partial-trace",
        ])
    }

    @Test func theAdjustedViewIsOneOptionAway() throws {
        let trace = AnalysisDrawing.trace("""
            root   web           [==================]  host=a
             early api       [======]  host=b kind=server
            """)
        let raw = try json(AnalysisReport(trace))
        let adjusted = try json(AnalysisReport(trace, options: AnalysisOptions(adjustSkew: true)))
        #expect(raw["clockSkewAdjusted"] as? Bool == false)
        #expect(adjusted["clockSkewAdjusted"] as? Bool == true)
        let rawPath = raw["criticalPath"] as? [[String: Any]] ?? []
        let adjustedPath = adjusted["criticalPath"] as? [[String: Any]] ?? []
        #expect(rawPath.count == 2 && adjustedPath.count == 3)
        // The skew is reported either way; raw times stay the default.
        #expect((raw["diagnostics"] as? [[String: Any]])?.contains { $0["kind"] as? String == "clock-skew" } == true)
    }

    @Test func statisticsAndEdgesEncodeTheirNumbersAsIntegers() throws {
        let table = PrimerTraces.checkoutTrace.table
        let stats = try JSONSerialization.jsonObject(with: JSONEncoder().encode(TraceStatistics(table).operations))
        let first = try #require((stats as? [[String: Any]])?.first)
        #expect(Set(first.keys) == ["service", "operation", "count", "errors", "errorRate", "durationNanos", "selfTimeNanos",
                                    "criticalNanos", "criticalShare"])
        #expect(first["criticalNanos"] is Int)
        #expect(Set((first["durationNanos"] as? [String: Any])?.keys ?? [:].keys) == ["p50", "p90", "p95", "p99", "max"])
        let edges = try JSONSerialization.jsonObject(with: JSONEncoder().encode(DependencyGraph(table).edges))
        #expect(Set(((edges as? [[String: Any]])?.first ?? [:]).keys) == ["caller", "callee", "kind", "calls", "errors", "p95Nanos"])
    }
}
