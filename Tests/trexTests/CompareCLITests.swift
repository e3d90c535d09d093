import Foundation
import Testing
import TestSupport

/// `trex compare`, run as a user would: the real binary on the bundled samples and on a small
/// file of checkouts that differ.
@Suite(.serialized) struct CompareCLITests {
    let samples = TrexBinary.packageRoot.appendingPathComponent("docs/samples").path

    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The ids of the bundled `GET /checkout` traces (the OTLP, Jaeger and JSON Lines copies of
    /// one request; Zipkin's copy has the name lower-cased), earliest first.
    private func checkoutIDs() throws -> [String] {
        let list = try JSONSerialization.jsonObject(with: Data(try TrexBinary.run(["list", "--json", samples]).stdout.utf8))
        let rows = try #require(list as? [[String: Any]])
        return rows.filter { $0["rootName"] as? String == "GET /checkout" }.compactMap { $0["traceId"] as? String }
    }

    // MARK: - A file of checkouts that differ

    /// One span: (id, parent, service, name, start ms, end ms).
    typealias SpanRow = (id: String, parent: String?, service: String, name: String, start: Int, end: Int)

    /// Four traces, `a…` `b…` `c…` of `web GET /checkout` and `d…` of `web POST /login`. In B a
    /// cache lookup (only in B) runs alongside everything and finishes last, so the payment
    /// and the database call leave B's critical path; C is A with a payment 10 ms slower.
    static let checkouts: [(trace: String, spans: [SpanRow])] = [
        ("a", [("01", nil, "web", "GET /checkout", 0, 100), ("02", "01", "auth", "verify", 5, 15),
               ("03", "01", "postgres", "SELECT", 15, 45), ("04", "01", "payment", "charge", 45, 95)]),
        ("b", [("01", nil, "web", "GET /checkout", 0, 200), ("02", "01", "auth", "verify", 5, 15),
               ("03", "01", "postgres", "SELECT", 15, 45), ("05", "01", "redis", "GET cart", 15, 190),
               ("04", "01", "payment", "charge", 45, 95)]),
        ("c", [("01", nil, "web", "GET /checkout", 0, 110), ("02", "01", "auth", "verify", 5, 15),
               ("03", "01", "postgres", "SELECT", 15, 45), ("04", "01", "payment", "charge", 45, 105)]),
        ("d", [("01", nil, "web", "POST /login", 0, 50)]),
    ]

    /// `checkouts` as one OTLP JSON document, a resource per span.
    static func otlpDocument() -> String {
        let t0 = 1_732_542_440_000_000_000
        var resources: [String] = []
        for (trace, spans) in checkouts {
            let traceID = String(repeating: trace, count: 32)
            for s in spans {
                let parent = s.parent.map { #""parentSpanId": "\#(trace)\#(String(repeating: "0", count: 13))\#($0)","# } ?? ""
                resources.append("""
                    {"resource": {"attributes": [{"key": "service.name", "value": {"stringValue": "\(s.service)"}}]},
                     "scopeSpans": [{"spans": [{"traceId": "\(traceID)", "spanId": "\(trace)\(String(repeating: "0", count: 13))\(s.id)",
                       \(parent) "name": "\(s.name)", "kind": 2,
                       "startTimeUnixNano": "\(t0 + s.start * 1_000_000)", "endTimeUnixNano": "\(t0 + s.end * 1_000_000)"}]}]}
                    """)
            }
        }
        return #"{"resourceSpans": ["# + resources.joined(separator: ",\n") + "]}"
    }

    /// The document written to a scratch directory (keep the directory while using the path).
    static func checkoutsFile() throws -> (TemporaryDirectory, String) {
        let directory = TemporaryDirectory()
        let path = directory.file("checkouts.json")
        try Data(otlpDocument().utf8).write(to: URL(fileURLWithPath: path))
        return (directory, path)
    }

    /// The table rows of the text output (between the header line and the blank line before
    /// the legend).
    private func rows(_ stdout: String) -> [String] {
        let lines = stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let header = lines.firstIndex(where: { $0.contains("PATH") && $0.contains("DIFF%") }) else { return [] }
        return Array(lines[(header + 1)...].prefix { !$0.isEmpty })
    }

    // MARK: - Tests

    @Test func twoCopiesOfTheSameRequestDifferNowhere() throws {
        let ids = try checkoutIDs()
        try #require(ids.count == 3)
        let r = try TrexBinary.run(["compare", String(ids[0].prefix(8)), String(ids[1].prefix(10)), samples])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("A: trace \(ids[0]): frontend GET /checkout — 17 spans, 1.21s"))
        #expect(r.stdout.contains("B: trace \(ids[1])"))
        #expect(r.stdout.contains("B - A: duration 0 (0%)"))
        #expect(r.stdout.contains("No path's own time (self time) changed."))
        let table = rows(r.stdout)
        #expect(table.count == 14, "one row per path: \(r.stdout)")
        #expect(table.first?.contains("frontend GET /checkout") == true)
        #expect(table.contains { $0.contains("payment POST https://api.payments.example/v1/charges") })
        // The four inventory lookups are one path with a count of 4.
        let lookups = try #require(table.first { $0.contains("inventory database.query") })
        #expect(lookups.split(separator: " ").filter { $0 == "4" }.count == 2, "\(lookups)")
        for row in table {
            #expect(row.hasPrefix("  "), "no marker: \(row)")
            #expect(row.hasSuffix("A B"), "on both critical paths: \(row)")
        }
        #expect(r.stdout.contains("- only in A   + only in B"), "the legend")
    }

    @Test func theJSONIsFlatAndParses() throws {
        let ids = try checkoutIDs()
        let r = try TrexBinary.run(["compare", "--json", ids[0], ids[2], samples])
        #expect(r.status == 0)
        let object = try json(r.stdout)
        #expect(Set(object.keys) == ["baseline", "a", "b", "nodes"])
        #expect(object["baseline"] as? Bool == false)
        let a = try #require(object["a"] as? [String: Any])
        #expect(a["traceIds"] as? [String] == [ids[0]] && a["spanCount"] as? Int == 17 && a["traces"] as? Int == 1)
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        #expect(nodes.count == 14)
        #expect(nodes[0]["operation"] as? String == "GET /checkout" && nodes[0]["parent"] is NSNull)
        #expect(nodes.allSatisfy { $0["deltaDurationNanos"] as? Int == 0 && $0["onlyInA"] as? Bool == false })
        #expect(nodes.dropFirst().allSatisfy { ($0["parent"] as? Int).map { $0 >= 0 } == true })
    }

    @Test func aSlowerCheckoutWithAnExtraCallShowsWhereAndWhatMovedOffTheCriticalPath() throws {
        let (directory, file) = try Self.checkoutsFile()
        defer { _ = directory }
        let r = try TrexBinary.run(["compare", "aaaa", "bbbb", file])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("B - A: duration +100ms (+100%), critical path +100ms, spans +1"))
        #expect(r.stdout.contains("Largest changes in self time:"))
        let table = rows(r.stdout)
        #expect(table.count == 5)
        // The new cache lookup is the biggest difference, so it comes first under the root.
        #expect(table[0].hasPrefix("  ") && table[0].contains("web GET /checkout") && table[0].contains("+100ms"))
        #expect(table[1].hasPrefix("+ ") && table[1].contains("redis GET cart") && table[1].contains("new")
                && table[1].hasSuffix("  B"), "\(table[1])")
        // The payment and the database call are in both, on A's critical path only.
        for operation in ["payment charge", "postgres SELECT"] {
            let row = try #require(table.first { $0.contains(operation) })
            #expect(row.hasPrefix(" *") && row.hasSuffix("  A"), "\(row)")
        }
        let auth = try #require(table.first { $0.contains("auth verify") })
        #expect(auth.hasPrefix("  ") && auth.hasSuffix("A B"), "\(auth)")

        let reversed = try TrexBinary.run(["compare", "bbbb", "aaaa", file])
        #expect(rows(reversed.stdout).contains { $0.hasPrefix("- ") && $0.contains("redis GET cart") && $0.contains("-100%") })
    }

    @Test func aTraceAgainstTheMedianOfItsRootOperation() throws {
        let (directory, file) = try Self.checkoutsFile()
        defer { _ = directory }
        let r = try TrexBinary.run(["compare", "bbbb", "--baseline", file])
        #expect(r.status == 0, "\(r.stderr)")
        // A and C: of two, the nearest-rank median is the smaller of each figure.
        #expect(r.stdout.contains("BASE: median of 2 traces with root web GET /checkout — median 4 spans, 100ms"))
        #expect(r.stdout.contains("TRACE: trace \(String(repeating: "b", count: 32))"))
        #expect(r.stdout.contains("TRACE - BASE: duration +100ms"))
        #expect(r.stdout.contains("BASE: each figure of each path is its median"))
        #expect(rows(r.stdout).contains { $0.hasPrefix("+ ") && $0.contains("redis GET cart") })

        let limited = try json(try TrexBinary.run(["compare", "--json", "aaaa", "--baseline", "--baseline-limit", "1", file]).stdout)
        #expect(limited["baseline"] as? Bool == true)
        let base = try #require(limited["a"] as? [String: Any])
        // B starts at the same moment as A and C; the nearest in time, then the lower id, is B.
        #expect(base["traces"] as? Int == 1 && base["traceIds"] as? [String] == [String(repeating: "b", count: 32)])
        let root = try #require(limited["rootOperation"] as? [String: Any])
        #expect(root["service"] as? String == "web" && root["operation"] as? String == "GET /checkout")
    }

    @Test func mistakesGetAClearMessageAndStatus() throws {
        let (directory, file) = try Self.checkoutsFile()
        defer { _ = directory }
        let unknown = try TrexBinary.run(["compare", "aaaa", "ffff", file])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no loaded trace has an id starting with ffff"), "\(unknown.stderr)")
        #expect(unknown.stdout.isEmpty)

        let alone = try TrexBinary.run(["compare", "dddd", "--baseline", file])
        #expect(alone.status == 1)
        #expect(alone.stderr.contains("no other trace has the root operation web POST /login"), "\(alone.stderr)")

        let noB = try TrexBinary.run(["compare", "aaaa", "--store", directory.file("none.sqlite")])
        #expect(noB.status == 2)
        #expect(noB.stderr.contains("give two trace ids (A and B), or one with --baseline"))
        let forgotB = try TrexBinary.run(["compare", "aaaa", file])
        #expect(forgotB.status == 2)
        #expect(forgotB.stderr.contains("is a path on disk, not a trace id"))
        #expect(try TrexBinary.run(["compare", "aaaa", "--baseline", "--baseline-limit", "0", file]).status == 2)
    }
}
