import Foundation
import Testing
import TestSupport

/// The non-interactive commands, run as a user would: the real binary on the bundled samples.
@Suite(.serialized) struct CLITests {
    let samples = TrexBinary.packageRoot.appendingPathComponent("docs/samples").path

    private func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func noArgumentsPrintsUsageWithExamples() throws {
        // No store in a fresh data directory: usage, and how to get started.
        let r = try TrexBinary.run([], environment: ["XDG_DATA_HOME": "/nonexistent/trex-test"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("No trace store yet"))
        #expect(r.stdout.contains("USAGE"))
        #expect(r.stdout.contains("Examples:"))
        #expect(r.stdout.contains("trex list"))
    }

    @Test func usageErrorsExitWithTwo() throws {
        #expect(try TrexBinary.run(["list", "--bogus"]).status == 2)
        // No files and no store: `list` reads the default store, which does not exist yet.
        let empty = try TrexBinary.run(["list"], environment: ["XDG_DATA_HOME": "/nonexistent/trex-test"])
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("trex import"))
        #expect(try TrexBinary.run(["show"]).status == 2)
    }

    @Test func listShowsEveryBundledTraceAsAnAlignedTable() throws {
        let r = try TrexBinary.run(["list", samples])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("TRACE") == true)
        #expect(lines.count == 25, "a header and 24 traces")
        #expect(r.stdout.contains("GET /checkout"))
        // Aligned: every row's DURATION column ends where the header's does.
        let header = lines[0]
        let end = header.range(of: "DURATION")!.upperBound
        let column = header.distance(from: header.startIndex, to: end)
        for line in lines.dropFirst() {
            let index = line.index(line.startIndex, offsetBy: column - 1)
            #expect(line[index] != " ", "\(line)")
        }
    }

    @Test func listJSONHasTheDocumentedKeys() throws {
        let r = try TrexBinary.run(["list", "--json", samples])
        let rows = try #require(try json(r.stdout) as? [[String: Any]])
        #expect(rows.count == 24)
        let keys: Set<String> = ["traceId", "rootService", "rootName", "startUnixNano", "durationNano", "spanCount",
                                 "errorCount", "services"]
        for row in rows {
            #expect(Set(row.keys) == keys)
            #expect((row["traceId"] as? String)?.count == 32)
        }
        let checkout = rows.filter { ($0["rootName"] as? String) == "GET /checkout" }
        #expect(!checkout.isEmpty)
    }

    @Test func standardInputIsAnInput() throws {
        let file = samples + "/otlp/checkout-slow-payment.json"
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        let r = try TrexBinary.run(["list", "--json", "-"], stdin: data)
        #expect(r.status == 0)
        #expect((try json(r.stdout) as? [Any])?.count == 1)
    }

    @Test func nothingLoadableExitsWithOne() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trex-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let notTraces = dir.appendingPathComponent("package.json")
        try Data(#"{"name": "left-pad", "version": "1.0.0"}"#.utf8).write(to: notTraces)
        let r = try TrexBinary.run(["list", notTraces.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("tried"), "says which formats were tried: \(r.stderr)")
        #expect(try TrexBinary.run(["list", dir.appendingPathComponent("missing.json").path]).status == 1)
    }

    @Test func aTruncatedFileLoadsWhatIsValidAndSaysWhereItStopped() throws {
        let file = samples + "/jaeger/checkout-slow-payment.json"
        var data = try Data(contentsOf: URL(fileURLWithPath: file))
        data = data.prefix(data.count * 2 / 3)
        let truncated = FileManager.default.temporaryDirectory.appendingPathComponent("trex-truncated-\(UUID().uuidString).json")
        try data.write(to: truncated)
        let r = try TrexBinary.run(["list", "--json", truncated.path])
        #expect(r.status == 0)
        #expect(r.stderr.contains(truncated.path))
        #expect(r.stderr.contains("byte"), "the warning names the offset: \(r.stderr)")
        let rows = try #require(try json(r.stdout) as? [[String: Any]])
        #expect((rows.first?["spanCount"] as? Int ?? 0) > 0)
    }

    @Test func showPrintsTheWaterfallByUniquePrefix() throws {
        let list = try #require(try json(try TrexBinary.run(["list", "--json", samples + "/otlp"]).stdout) as? [[String: Any]])
        let checkout = try #require(list.first { ($0["rootName"] as? String) == "GET /checkout"
            && ($0["durationNano"] as? Int ?? 0) < 2_000_000_000 })
        let id = try #require(checkout["traceId"] as? String)
        let r = try TrexBinary.run(["show", String(id.prefix(10)), samples + "/otlp"], environment: ["LANG": "C.UTF-8"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Trace \(id)"))
        #expect(r.stdout.contains("POST https://api.payments.example/v1/charges"))
        #expect(r.stdout.contains("└─") || r.stdout.contains("├─"))
        #expect(r.stdout.contains("780ms"))
        let missing = try TrexBinary.run(["show", "ffffffffffff", samples + "/otlp"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no loaded trace"))
        let otlp = try TrexBinary.run(["show", "--json", id, samples + "/otlp"])
        let request = try #require(try json(otlp.stdout) as? [String: Any])
        #expect(request["resourceSpans"] != nil)
    }

    @Test func thePrimersQueriesFindTheirTraces() throws {
        let slow = try TrexBinary.run(["query", "--json", #"Duration > 5s AND service.name="checkout""#, samples])
        #expect(slow.status == 0)
        let slowRows = try #require(try json(slow.stdout) as? [[String: Any]])
        #expect(!slowRows.isEmpty)
        for row in slowRows {
            #expect((row["durationNano"] as? Int ?? 0) > 5_000_000_000)
            #expect(!((row["matchedSpans"] as? [String]) ?? []).isEmpty)
        }
        let errors = try TrexBinary.run(["query", #"Status = ERROR AND span.name="database.query""#, "--spans", samples])
        #expect(errors.status == 0)
        #expect(errors.stdout.contains("database.query"))
        #expect(errors.stdout.contains("ERROR"))
        let user = try TrexBinary.run(["query", #"user.id="12345" AND http.status_code >= 400"#, samples])
        #expect(user.status == 0)
        #expect(user.stdout.contains("MATCHED"))
    }

    @Test func queryExitCodesAndCaret() throws {
        let bad = try TrexBinary.run(["query", "duration > 5 AND", samples])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("^"))
        let typo = try TrexBinary.run(["query", "Duraton > 5s", samples])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("did you mean `duration`?"))
        let none = try TrexBinary.run(["query", #"service.name = "chekout""#, samples])
        #expect(none.status == 1)
        #expect(none.stderr.contains("hint:"))
    }

    @Test func analyzeReportsTheCriticalPathAsJSON() throws {
        let list = try #require(try json(try TrexBinary.run(["list", "--json", samples + "/otlp"]).stdout) as? [[String: Any]])
        let checkout = try #require(list.first { ($0["rootName"] as? String) == "GET /checkout"
            && ($0["durationNano"] as? Int ?? 0) < 2_000_000_000 })
        let id = try #require(checkout["traceId"] as? String)
        let r = try TrexBinary.run(["analyze", "--json", id, samples + "/otlp"])
        #expect(r.status == 0)
        let report = try #require(try json(r.stdout) as? [String: Any])
        for key in ["traceId", "criticalPath", "diagnostics", "rootCauses"] { #expect(report[key] != nil, "\(key)") }
        let path = try #require(report["criticalPath"] as? [[String: Any]])
        let starts = path.compactMap { $0["startUnixNano"] as? Int }
        #expect(starts == starts.sorted(), "sections in time order")
        let text = try TrexBinary.run(["analyze", id, samples + "/otlp"])
        #expect(text.stdout.contains("Critical path"))
        #expect(text.stdout.contains("POST https://api.payments.example/v1/charges"))
    }

    @Test func statsAndDeps() throws {
        let stats = try TrexBinary.run(["stats", "--sort", "p99", samples])
        #expect(stats.status == 0)
        #expect(stats.stdout.contains("P99"))
        #expect(stats.stdout.contains("checkout"))
        let deps = try TrexBinary.run(["deps", "--json", samples])
        let edges = try #require(try json(deps.stdout) as? [[String: Any]])
        #expect(edges.contains { ($0["caller"] as? String) == "checkout" && ($0["callee"] as? String) == "payment" })
        // The map: every service in a box, each call labelled, callers left of callees.
        let map = try TrexBinary.run(["deps", "--graph", samples])
        #expect(map.status == 0)
        let lines = map.stdout.split(separator: "\n").map(String.init)
        let column = { (name: String) in lines.compactMap { $0.range(of: "│ \(name)")?.lowerBound.utf16Offset(in: $0) }.first }
        #expect(try #require(column("frontend")) < (try #require(column("checkout"))), "\(map.stdout)")
        #expect(try #require(column("checkout")) < (try #require(column("payment "))), "\(map.stdout)")
        #expect(map.stdout.contains("▶") && map.stdout.contains("12 ✗12"), "\(map.stdout)")
        let dot = try TrexBinary.run(["deps", "--dot", samples])
        #expect(dot.stdout.hasPrefix("digraph services {") && dot.stdout.contains(#""checkout" -> "payment""#))
    }

    @Test func convertToOTLPRoundTripsThroughList() throws {
        let original = try TrexBinary.run(["list", "--json", samples + "/zipkin"])
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("trex-convert-\(UUID().uuidString).json")
        let convert = try TrexBinary.run(["convert", "--to", "otlp", "-o", out.path, samples + "/zipkin"])
        #expect(convert.status == 0)
        let again = try TrexBinary.run(["list", "--json", out.path])
        #expect(again.status == 0)
        #expect(try json(original.stdout) as? NSArray == json(again.stdout) as? NSArray)
    }

    @Test func theExplorerNeedsATerminal() throws {
        // Standard input is not a terminal here: a clear error pointing to the commands, exit 2.
        let r = try TrexBinary.run([samples])
        #expect(r.status == 2)
        #expect(r.stderr.contains("trex list"), "\(r.stderr)")
        let dumb = try TrexBinary.run([samples], environment: ["TERM": "dumb"])
        #expect(dumb.status == 2)
        // It suggests a command on the very files given, ready to paste.
        #expect(r.stderr.contains("try: trex list \(samples)"), "\(r.stderr)")
        let spaced = try TrexBinary.run([samples + "/otlp", "my traces.json"])
        #expect(spaced.stderr.contains("try: trex list \(samples)/otlp 'my traces.json'"), "\(spaced.stderr)")
    }

    @Test func listeningWithoutATerminalPointsToTrexReceive() throws {
        let directory = TemporaryDirectory()
        let store = directory.file("live.sqlite")
        let r = try TrexBinary.run(["--listen", "--grpc", "127.0.0.1:0", "--http", "127.0.0.1:0", "--store", store])
        #expect(r.status == 2)
        #expect(r.stderr.contains("to receive without a terminal: trex receive --store \(store)"), "\(r.stderr)")
        #expect(!r.stderr.contains("received 0 spans"), "nothing was received: no summary")
        let both = try TrexBinary.run(["--listen", "--grpc", "0", "--http", "0", "--store", store])
        #expect(both.status != 0 && both.stderr.contains("--grpc and --http are both off"), "\(both.stderr)")
    }
}

/// `trex --version` (the version from Sources/trex/Version.swift, the commit from the BuildCommit
/// plugin) and `trex completions` (swift-argument-parser's scripts for each shell).
@Suite struct VersionAndCompletionsTests {
    @Test func versionSaysTheNumberAndTheCommit() throws {
        let source = try String(contentsOf: TrexBinary.packageRoot.appendingPathComponent("Sources/trex/Version.swift"), encoding: .utf8)
        let number = try #require(source.split(separator: "\n").first { $0.contains("static let number") }?
            .split(separator: "\"").dropFirst().first)
        let run = try TrexBinary.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("trex \(number) (commit "), "\(run.stdout)")
        let commit = run.stdout.split(separator: " ").last.map { $0.dropLast(2) } ?? ""
        #expect(commit.count >= 7 && commit != "unknown", "built from a git checkout: \(run.stdout)")
    }

    @Test func completionsForEachShell() throws {
        for (shell, marker) in [("bash", "-F _trex trex"), ("zsh", "#compdef trex"), ("fish", "complete -c 'trex'")] {
            let run = try TrexBinary.run(["completions", shell])
            #expect(run.status == 0 && run.stdout.contains(marker) && run.stdout.contains("sources"), "\(shell): \(run.stdout.prefix(200))")
        }
        let bad = try TrexBinary.run(["completions", "tcsh"])
        #expect(bad.status == 2 && bad.stderr.contains("choose bash, zsh or fish"))
    }
}
