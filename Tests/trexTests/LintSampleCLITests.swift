import Foundation
import Testing
import TestSupport

/// `trex lint` and `trex sample` run as a user would, on the bundled samples and on files the
/// test writes: the text, `--json`, `--fail-on` and its exit codes, `--rule`, `--trace`, the
/// policies' numbers worked out here from how the file was written, `--seed`.
@Suite(.serialized) struct LintSampleCLITests {
    static let samples = TrexBinary.packageRoot.appendingPathComponent("docs/samples").path

    /// One OTLP JSON document of the given spans: (service, traceID, spanID, parent, name, kind,
    /// start ms, end ms, error, attributes JSON).
    static func otlp(_ spans: [(String, String, String, String?, String, Int, Int, Int, Bool, String)]) -> String {
        let t0 = 1_732_542_440_000_000_000
        let resources = spans.map { s in
            let parent = s.3.map { #""parentSpanId": "\#($0)","# } ?? ""
            let status = s.8 ? #", "status": {"code": 2}"# : ""
            return """
            {"resource": {"attributes": [{"key": "service.name", "value": {"stringValue": "\(s.0)"}}]},
             "scopeSpans": [{"spans": [{"traceId": "\(s.1)", "spanId": "\(s.2)", \(parent) "name": "\(s.4)", "kind": \(s.5),
               "startTimeUnixNano": "\(t0 + s.6 * 1_000_000)", "endTimeUnixNano": "\(t0 + s.7 * 1_000_000)",
               "attributes": [\(s.9)]\(status)}]}]}
            """
        }
        return #"{"resourceSpans": ["# + resources.joined(separator: ",\n") + "]}"
    }

    static func write(_ text: String, _ name: String, in directory: TemporaryDirectory) throws -> String {
        let path = directory.file(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func theBundledSamplesHaveWarningsOnlySoTheDefaultPasses() throws {
        let run = try TrexBinary.run(["lint", Self.samples])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("24 traces, 352 spans linted: 0 errors, 20 warnings, 0 infos."), "\(run.stdout)")
        #expect(run.stdout.contains("WARNING  deprecated-attribute  http.status_code"), "\(run.stdout)")
        #expect(run.stdout.contains("fix: Rename the attribute"))
        #expect(try TrexBinary.run(["lint", "--fail-on", "warning", Self.samples]).status == 1)
        #expect(try TrexBinary.run(["lint", "--fail-on", "never", Self.samples]).status == 0)
        let bad = try TrexBinary.run(["lint", "--fail-on", "loud", Self.samples])
        #expect(bad.status == 2 && bad.stderr.contains("--fail-on takes info, warning, error or never"), "\(bad.stderr)")
        let unknown = try TrexBinary.run(["lint", "--rule", "spelling", Self.samples])
        #expect(unknown.status == 2 && unknown.stderr.contains("no rule \"spelling\""), "\(unknown.stderr)")
    }

    @Test func jsonAndOneRule() throws {
        let run = try TrexBinary.run(["lint", "--json", "--rule", "spans-in-loop", Self.samples])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.count == 2 && findings.allSatisfy { $0["rule"] as? String == "spans-in-loop" }, "\(run.stdout)")
        let first = findings[0]
        #expect(first["level"] as? String == "warning" && first["category"] as? String == "over-instrumentation")
        #expect((first["services"] as? [String]) == ["checkout"] && (first["occurrences"] as? Int) == 3)
        let example = try #require((first["examples"] as? [[String: Any]])?.first)
        #expect((example["traceID"] as? String)?.count == 32 && (example["spanID"] as? String)?.count == 16)
        #expect((first["fix"] as? String)?.hasPrefix("Record the loop as one span") == true)
        #expect(json["traces"] as? Int == 24 && json["spans"] as? Int == 352)
    }

    @Test func aBrokenPropagationFailsTheDefaultAndOneTraceIsLintedWithItsNeighbours() throws {
        let directory = TemporaryDirectory()
        // checkout calls legacy-billing (peer.service) and gets no child; legacy-billing's root
        // SERVER span runs inside that call, in a trace of its own.
        let file = try Self.write(Self.otlp([
            ("checkout", String(repeating: "a", count: 32), "00000000000000a1", nil, "POST /checkout", 2, 0, 100, false,
             #"{"key": "http.request.method", "value": {"stringValue": "POST"}}, {"key": "http.route", "value": {"stringValue": "/checkout"}}"#),
            ("checkout", String(repeating: "a", count: 32), "00000000000000a2", "00000000000000a1", "POST /invoice", 3, 10, 90, false,
             #"{"key": "peer.service", "value": {"stringValue": "legacy-billing"}}, {"key": "http.request.method", "value": {"stringValue": "POST"}}"#),
            ("legacy-billing", String(repeating: "b", count: 32), "00000000000000b1", nil, "POST /invoice", 2, 20, 80, false,
             #"{"key": "http.request.method", "value": {"stringValue": "POST"}}, {"key": "http.route", "value": {"stringValue": "/invoice"}}"#),
        ]), "broken.json", in: directory)
        let run = try TrexBinary.run(["lint", file])
        #expect(run.status == 1, "an error-level finding fails the default --fail-on error: \(run.stdout)")
        #expect(run.stdout.contains("ERROR  broken-propagation  checkout → legacy-billing"), "\(run.stdout)")
        #expect(run.stdout.contains("checkout → legacy-billing: its only call starts a new trace"), "\(run.stdout)")
        let one = try TrexBinary.run(["lint", "--trace", "bbbbbbbb", file])
        #expect(one.stdout.hasPrefix("1 trace, 1 span linted: 1 error"), "\(one.stdout)")
        #expect(one.stdout.contains("broken-propagation  checkout → legacy-billing"), "the call is matched in the trace next to it")
    }

    /// 200 traces a second apart; trace i lasts i + 1 ms and fails when i % 25 == 0.
    static func checkouts(in directory: TemporaryDirectory) throws -> String {
        var spans: [(String, String, String, String?, String, Int, Int, Int, Bool, String)] = []
        for i in 0..<200 {
            let id = String(format: "%032x", i + 1)
            spans.append(("web", id, String(format: "%016x", i + 1), nil, i % 2 == 0 ? "GET /cart" : "POST /pay", 2,
                          i * 1_000, i * 1_000 + i + 1, i % 25 == 0, ""))
        }
        return try Self.write(Self.otlp(spans), "checkouts.json", in: directory)
    }

    @Test func policiesKeepWhatTheTestWorksOut() throws {
        let directory = TemporaryDirectory()
        let file = try Self.checkouts(in: directory)
        let run = try TrexBinary.run(["sample", "--json", "--tail", "Duration > 150ms OR Status = ERROR", "--rate", "6/min",
                                      "--head", "100%", file])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let policies = try #require(json["policies"] as? [[String: Any]])
        #expect(policies.map { $0["policy"] as? String } == ["head 100%", "rate 6/min", "tail Duration > 150ms OR Status = ERROR",
                                                             "tail Duration > 150ms OR Status = ERROR + head 100%"])
        // Worked out from how the file was written: durations i + 1 ms, errors at i % 25 == 0.
        let slowOrError = (0..<200).filter { $0 + 1 > 150 || $0 % 25 == 0 }
        let errors = (0..<200).filter { $0 % 25 == 0 }
        let tail = policies[2]
        #expect(tail["tracesKept"] as? Int == slowOrError.count && tail["errorTracesKept"] as? Int == errors.count)
        // p99 by nearest rank of 1...200 ms is the 198th: 198 ms; traces of 198, 199 and 200 ms.
        #expect(tail["slowTraces"] as? Int == 3 && tail["slowTracesKept"] as? Int == 3)
        #expect((tail["p99Nanos"] as? [String: Any])?["true"] as? Int == 198_000_000)
        // The kept durations: 1, 26, 51, ..., 176 ms (the errors) and 151...200 ms.
        let kept = Set(slowOrError.map { $0 + 1 }).sorted()
        let keptP95 = kept[(95 * kept.count + 99) / 100 - 1]
        #expect((tail["p95Nanos"] as? [String: Any])?["kept"] as? Int == keptP95 * 1_000_000)
        // Six a minute, a token bucket of one, traces a second apart: the first, then one every
        // ten seconds: 0, 10, ..., 190.
        #expect(policies[1]["tracesKept"] as? Int == 20)
        #expect(policies[0]["tracesKept"] as? Int == 200 && policies[0]["partialTraces"] as? Int == 0)
        #expect((tail["vanishedOperations"] as? [String]) == [], "both operations have slow or failed traces")
    }

    @Test func theSameSeedTheSameAnswerAndBadPoliciesAreRefused() throws {
        let directory = TemporaryDirectory()
        let file = try Self.checkouts(in: directory)
        let a = try TrexBinary.run(["sample", "--json", "--head", "10%", "--seed", "7", file])
        let b = try TrexBinary.run(["sample", "--json", "--head", "10%", "--seed", "7", file])
        let c = try TrexBinary.run(["sample", "--json", "--head", "10%", "--seed", "8", file])
        #expect(a.status == 0 && a.stdout == b.stdout && a.stdout != c.stdout)
        let text = try TrexBinary.run(["sample", file])
        #expect(text.stdout.contains("POLICY") && text.stdout.contains("head 10%") && text.stdout.contains("adaptive"), "\(text.stdout)")
        let share = try TrexBinary.run(["sample", "--head", "150%", file])
        #expect(share.status == 2 && share.stderr.contains("a share is between 0% and 100%"), "\(share.stderr)")
        let rule = try TrexBinary.run(["sample", "--tail", "Duration >", file])
        #expect(rule.status == 2 && rule.stderr.contains("^"), "a bad rule gets its caret: \(rule.stderr)")
    }
}
