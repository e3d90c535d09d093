import Foundation
import Testing

/// `trex metrics` on the bundled samples: the table, Tempo's query_range JSON, steps, hints
/// and errors, checked against counts the samples fix.
@Suite(.serialized) struct MetricsCLITests {
    let samples = TrexBinary.packageRoot.appendingPathComponent("docs/samples").path

    @Test func countOverTimeByServiceAddsUpToEverySpan() throws {
        let r = try TrexBinary.run(["metrics", "{ } | count_over_time() by (resource.service.name)", samples, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let series = try #require(json["series"] as? [[String: Any]])
        let total = series.flatMap { ($0["samples"] as? [[String: Any]]) ?? [] }.compactMap { $0["value"] as? Double }.reduce(0, +)
        let list = try TrexBinary.run(["list", samples, "--json"])
        let traces = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let spans = traces.compactMap { $0["spanCount"] as? Int }.reduce(0, +)
        #expect(Int(total) == spans)
        let first = try #require(series.first)
        let labels = try #require(first["labels"] as? [[String: Any]])
        #expect(labels.first?["key"] as? String == "resource.service.name")
        #expect((labels.first?["value"] as? [String: Any])?["stringValue"] is String)
        #expect((first["promLabels"] as? String)?.hasPrefix("{resource.service.name=\"") == true)
        let sample = try #require((first["samples"] as? [[String: Any]])?.first)
        #expect(Int64(sample["timestampMs"] as? String ?? "") != nil)
        let metrics = try #require(json["metrics"] as? [String: Any])
        #expect(metrics["inspectedSpans"] as? String == String(spans))
    }

    @Test func quantilesAreInSecondsInJSONAndDurationsInTheTable() throws {
        let query = "{ name = \"POST /api/checkout\" } | quantile_over_time(duration, 1)"
        let json = try TrexBinary.run(["metrics", query, samples, "--json", "--step", "1d"])
        #expect(json.status == 0, "\(json.stderr)")
        // The longest checkout is 6.31 s (the list's p99).
        #expect(json.stdout.contains("\"value\" : 6.31"), "\(json.stdout)")
        let table = try TrexBinary.run(["metrics", query, samples, "--step", "1d"])
        #expect(table.stdout.contains("{p=\"1\"}"))
        #expect(table.stdout.contains("6.31s"), "\(table.stdout)")
        #expect(table.stdout.contains("DURATION"))
    }

    @Test func wrongQueriesAndStepsExitTwoWithAMessage() throws {
        let plain = try TrexBinary.run(["metrics", "{ status = error }", samples])
        #expect(plain.status == 2)
        #expect(plain.stderr.contains("has no metrics function"))
        let bad = try TrexBinary.run(["metrics", "{ } | rate( by", samples])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("^"))
        let tiny = try TrexBinary.run(["metrics", "{ } | rate()", samples, "--step", "1ms"])
        #expect(tiny.status == 2)
        #expect(tiny.stderr.contains("choose a longer step"), "\(tiny.stderr)")
        #expect(try TrexBinary.run(["metrics", "{ } | rate()", samples, "--step", "soon"]).status == 2)
    }

    @Test func hintsAreAcceptedWithANoteAndNoMatchExitsOne() throws {
        let hinted = try TrexBinary.run(["metrics", "{ } | rate() with (sample=true)", samples])
        #expect(hinted.status == 0)
        #expect(hinted.stderr.contains("note: with(...) hints (`sample`)"))
        let none = try TrexBinary.run(["metrics", "{ name = \"nope\" } | rate()", samples])
        #expect(none.status == 1)
        #expect(none.stderr.contains("no span matches"))
    }
}
