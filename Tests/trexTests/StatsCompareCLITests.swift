import Foundation
import Testing
import TestSupport

/// `trex stats --compare A B` and `--windows`, run as a user would: two files of checkouts, the
/// second with a slower database call.
@Suite(.serialized) struct StatsCompareCLITests {
    /// `count` checkouts a second apart from `startSecond`, each a `web GET /checkout` with a
    /// `postgres SELECT` of `dbMillis(i)` ms, as one OTLP JSON document.
    static func checkouts(count: Int, startSecond: Int, dbMillis: (Int) -> Int) -> String {
        let t0 = 1_732_542_440_000_000_000 + startSecond * 1_000_000_000
        var resources: [String] = []
        for i in 0..<count {
            let traceID = String(format: "%032x", startSecond * 100_000 + i + 1)
            let start = t0 + i * 1_000_000_000
            let db = dbMillis(i) * 1_000_000
            func span(_ service: String, _ id: String, _ parent: String?, _ name: String, _ s: Int, _ e: Int) -> String {
                let parentField = parent.map { #""parentSpanId": "\#($0)","# } ?? ""
                return """
                {"resource": {"attributes": [{"key": "service.name", "value": {"stringValue": "\(service)"}}]},
                 "scopeSpans": [{"spans": [{"traceId": "\(traceID)", "spanId": "\(id)", \(parentField) "name": "\(name)",
                   "kind": 2, "startTimeUnixNano": "\(s)", "endTimeUnixNano": "\(e)"}]}]}
                """
            }
            resources.append(span("web", "00000000000000a1", nil, "GET /checkout", start, start + 20_000_000 + db))
            resources.append(span("postgres", "00000000000000b2", "00000000000000a1", "SELECT orders",
                                  start + 10_000_000, start + 10_000_000 + db))
        }
        return #"{"resourceSpans": ["# + resources.joined(separator: ",\n") + "]}"
    }

    /// The database call: 30 to 39 ms, or 60% slower.
    static func db(_ slower: Bool) -> (Int) -> Int { { i in (slower ? 48 : 30) + (i * 7) % 10 } }

    @Test func twoInputsComparedWithTheRegressionMarked() throws {
        let directory = TemporaryDirectory()
        let before = directory.file("before.json"), after = directory.file("after.json")
        try Data(Self.checkouts(count: 300, startSecond: 0, dbMillis: Self.db(false)).utf8).write(to: URL(fileURLWithPath: before))
        try Data(Self.checkouts(count: 300, startSecond: 0, dbMillis: Self.db(true)).utf8).write(to: URL(fileURLWithPath: after))
        let run = try TrexBinary.run(["stats", "--compare", before, after])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("A: \(before), 300 traces") && run.stdout.contains("B: \(after), 300 traces"), "\(run.stdout)")
        let db = try #require(run.stdout.split(separator: "\n").first { $0.contains("SELECT orders") })
        #expect(db.contains("+5") && db.contains("▲"), "\(db)")
        #expect(run.stdout.contains("99% confidence intervals"), "the noise rule is said")
        // The same files the other way round: an improvement.
        let back = try TrexBinary.run(["stats", "--compare", after, before])
        let improved = try #require(back.stdout.split(separator: "\n").first { $0.contains("SELECT orders") })
        #expect(improved.contains("▼") && !improved.contains("▲"), "\(improved)")
        // JSON: the verdicts by name.
        let json = try TrexBinary.run(["stats", "--compare", before, after, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let operations = try #require(object["operations"] as? [[String: Any]])
        let select = try #require(operations.first { $0["operation"] as? String == "SELECT orders" })
        let p50 = try #require((select["duration"] as? [String: Any])?["p50"] as? [String: Any])
        #expect(p50["verdict"] as? String == "regressed")
        #expect(((p50["change"] as? Double) ?? 0) > 0.4)
    }

    @Test func theHalvesOfOneFile() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("day.json")
        // 200 checkouts, then 200 more with the slower call, in one file.
        let first = Self.checkouts(count: 200, startSecond: 0, dbMillis: Self.db(false))
        let second = Self.checkouts(count: 200, startSecond: 200, dbMillis: Self.db(true))
        try Data((first + "\n" + second + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let run = try TrexBinary.run(["stats", "--windows", "halves", path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(", 200 traces\nB: "), "\(run.stdout)")
        let db = try #require(run.stdout.split(separator: "\n").first { $0.contains("SELECT orders") })
        #expect(db.contains("▲"), "\(db)")
        // Written windows: the first minute against the last.
        let written = try TrexBinary.run(["stats", "--windows", "0m..1m 5m..", path])
        #expect(written.stdout.contains(", 60 traces\nB: "), "\(written.stdout)")
        // A bad pair says what is wrong.
        let bad = try TrexBinary.run(["stats", "--windows", "0m..1m", path])
        #expect(bad.status != 0 && bad.stderr.contains("write two windows"), "\(bad.stderr)")
        let both = try TrexBinary.run(["stats", "--windows", "halves", "--compare", path, path])
        #expect(both.status != 0 && both.stderr.contains("not both"), "\(both.stderr)")
    }

    @Test func criticalShareInThePlainTable() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("c.json")
        try Data(Self.checkouts(count: 10, startSecond: 0, dbMillis: { _ in 30 }).utf8).write(to: URL(fileURLWithPath: path))
        let run = try TrexBinary.run(["stats", path])
        #expect(run.stdout.contains("CRIT%"), "\(run.stdout)")
        // Each request: 50 ms on the critical path, 30 of them in the database call.
        let db = try #require(run.stdout.split(separator: "\n").first { $0.contains("SELECT orders") })
        #expect(db.hasSuffix("60.0%"), "\(db)")
    }
}
