import Foundation
import Testing

/// Every non-interactive command on the trace store prints what it prints on the same traces
/// as files: the bundled samples are imported into a store, then each command runs on the
/// files and on the store (`--store PATH`, and the default store with no file argument), and
/// on files plus a store that each hold part of the traces.
@Suite(.serialized) struct StoreCommandTests {
    static let samples = TrexBinary.packageRoot.appendingPathComponent("docs/samples").path

    /// A scratch directory holding `store.sqlite` with every sample imported, and an XDG data
    /// directory whose default store is a copy of it.
    final class Setup: Sendable {
        let directory: String
        var store: String { directory + "/store.sqlite" }
        var xdg: String { directory + "/xdg" }

        init() throws {
            directory = NSTemporaryDirectory() + "trex-store-cli-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: directory + "/xdg/trex", withIntermediateDirectories: true)
            let imported = try TrexBinary.run(["import", "--store", directory + "/store.sqlite", StoreCommandTests.samples])
            precondition(imported.status == 0, "import failed: \(imported.stderr)")
            try FileManager.default.copyItem(atPath: directory + "/store.sqlite", toPath: directory + "/xdg/trex/traces.sqlite")
        }

        deinit { try? FileManager.default.removeItem(atPath: directory) }
    }

    static let setup = try! Setup()

    /// Runs a command on the samples, on `--store`, and on the default store; all three agree
    /// (JSON compared as values: key order is not part of the format).
    func expectSameOutput(_ arguments: [String], json: Bool = false,
                          sourceLocation: SourceLocation = #_sourceLocation) throws {
        let files = try TrexBinary.run(arguments + [Self.samples])
        let store = try TrexBinary.run(arguments + ["--store", Self.setup.store])
        let byDefault = try TrexBinary.run(arguments, environment: ["XDG_DATA_HOME": Self.setup.xdg])
        for other in [store, byDefault] {
            #expect(other.status == files.status, "\(arguments): \(other.stderr)", sourceLocation: sourceLocation)
            if json {
                #expect(try Self.value(other.stdout) == (try Self.value(files.stdout)), "\(arguments)",
                        sourceLocation: sourceLocation)
            } else {
                #expect(other.stdout == files.stdout, "\(arguments)", sourceLocation: sourceLocation)
            }
        }
        #expect(!files.stdout.isEmpty, "\(arguments) printed nothing", sourceLocation: sourceLocation)
    }

    /// JSON as a comparable value.
    /// Every span of an OTLP JSON document as "trace span name start end", sorted.
    static func spanKeys(_ json: String) throws -> [String] {
        let root = try #require(try value(json) as? [String: Any])
        var keys: [String] = []
        for resource in root["resourceSpans"] as? [[String: Any]] ?? [] {
            for scope in resource["scopeSpans"] as? [[String: Any]] ?? [] {
                for span in scope["spans"] as? [[String: Any]] ?? [] {
                    keys.append(["traceId", "spanId", "name", "startTimeUnixNano", "endTimeUnixNano"]
                        .map { "\(span[$0] ?? "")" }.joined(separator: " "))
                }
            }
        }
        return keys.sorted()
    }

    static func value(_ text: String) throws -> NSObject {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) as! NSObject
    }

    @Test func listStatsDepsAndConvert() throws {
        try expectSameOutput(["list"])
        try expectSameOutput(["list", "--json"], json: true)
        try expectSameOutput(["stats"])
        try expectSameOutput(["stats", "--json", "--sort", "p99"], json: true)
        try expectSameOutput(["deps"])
        try expectSameOutput(["deps", "--json"], json: true)
        try expectSameOutput(["convert", "--to", "otlp"])
    }

    @Test(arguments: [
        #"duration > 1s"#, #"status = error"#, #"service = "checkout" AND duration > 100ms"#,
        #"http.status_code >= 500"#, #"{ kind = server } >> { status = error }"#, #"name =~ "GET .*""#,
        #"trace.duration > 2s AND root"#, #"db.statement contains "SELECT""#,
    ])
    func query(_ expression: String) throws {
        try expectSameOutput(["query", expression])
        try expectSameOutput(["query", "--spans", expression])
        try expectSameOutput(["query", "--json", expression], json: true)
    }

    @Test func aQueryMatchingNothingExitsOneWithTheSameHints() throws {
        let files = try TrexBinary.run(["query", #"service = "chekout""#, Self.samples])
        let store = try TrexBinary.run(["query", #"service = "chekout""#, "--store", Self.setup.store])
        #expect(files.status == 1 && store.status == 1)
        #expect(store.stderr.contains(#"did you mean "checkout""#))
        #expect(store.stderr == files.stderr.split(separator: "\n").filter { !$0.contains("note:") }
            .map { $0 + "\n" }.joined())
    }

    @Test func showAndAnalyzeEveryTrace() throws {
        let listed = try TrexBinary.run(["list", "--json", "--store", Self.setup.store])
        let rows = try #require(try Self.value(listed.stdout) as? [[String: Any]])
        #expect(rows.count == 24)
        for row in rows {
            let prefix = String((row["traceId"] as! String).prefix(12))
            try expectSameOutput(["show", prefix])
            try expectSameOutput(["show", "--json", prefix], json: true)
            try expectSameOutput(["analyze", prefix])
            try expectSameOutput(["analyze", "--json", prefix], json: true)
        }
        let missing = try TrexBinary.run(["show", "abcdef0123", "--store", Self.setup.store])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no loaded trace has an id starting with abcdef0123"))
    }

    @Test func exportWritesTheTracesMatchingAQuery() throws {
        let all = try TrexBinary.run(["store", "export", "--to", "otlp", "--store", Self.setup.store])
        let converted = try TrexBinary.run(["convert", "--to", "otlp", Self.samples])
        #expect(all.status == 0)
        #expect(all.stdout == converted.stdout)
        let query = #"status = error"#
        let exported = try TrexBinary.run(["store", "export", "--to", "otlp", query, "--store", Self.setup.store])
        let matching = try TrexBinary.run(["query", "--json", query, Self.samples])
        let expected = Set((try Self.value(matching.stdout) as! [[String: Any]]).map { $0["traceId"] as! String })
        #expect(Set(Self.traceIDs(inOTLP: exported.stdout)) == expected)
        #expect(expected.count > 1 && expected.count < 24)
        // The exported traces are whole: re-reading them lists the same traces as the query.
        let file = Self.setup.directory + "/errors.json"
        try exported.stdoutBytes.write(to: URL(fileURLWithPath: file))
        let relisted = try TrexBinary.run(["list", file])
        let queried = try TrexBinary.run(["query", query, Self.samples])
        #expect(relisted.stdout.split(separator: "\n").count == queried.stdout.split(separator: "\n").count)
        let bad = try TrexBinary.run(["store", "export", "--to", "otlp", "duration >", "--store", Self.setup.store])
        #expect(bad.status == 2)
    }

    static func traceIDs(inOTLP text: String) -> [String] {
        guard let object = try? value(text) as? [String: Any] else { return [] }
        var ids = Set<String>()
        for resource in object["resourceSpans"] as? [[String: Any]] ?? [] {
            for scope in resource["scopeSpans"] as? [[String: Any]] ?? [] {
                for span in scope["spans"] as? [[String: Any]] ?? [] { ids.insert(span["traceId"] as! String) }
            }
        }
        return ids.sorted()
    }

    @Test func filesAndAStoreTogetherReadAsAllTheFiles() throws {
        // The collector export's lines split in two: each trace has spans on both sides.
        let lines = try String(contentsOfFile: Self.samples + "/otlp-jsonl/collector-export.jsonl", encoding: .utf8)
            .split(separator: "\n")
        let dir = Self.setup.directory + "/split-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try lines.enumerated().filter { $0.offset % 2 == 0 }.map { $0.element + "\n" }.joined()
            .write(toFile: dir + "/even.jsonl", atomically: true, encoding: .utf8)
        try lines.enumerated().filter { $0.offset % 2 == 1 }.map { $0.element + "\n" }.joined()
            .write(toFile: dir + "/odd.jsonl", atomically: true, encoding: .utf8)
        let store = dir + "/part.sqlite"
        let imported = try TrexBinary.run(["import", "--store", store, dir + "/even.jsonl", Self.samples + "/otlp"])
        #expect(imported.status == 0)
        let files = [dir + "/odd.jsonl", Self.samples + "/jaeger"]
        let everything = [dir + "/even.jsonl", dir + "/odd.jsonl", Self.samples + "/otlp", Self.samples + "/jaeger"]
        for command in [["list"], ["query", "duration > 100ms"], ["query", "--spans", "status = error"], ["stats"],
                        ["deps"], ["convert", "--to", "otlp"]] {
            let together = try TrexBinary.run(command + files + ["--store", store])
            let alone = try TrexBinary.run(command + everything)
            #expect(together.status == 0)
            if command[0] == "convert" {
                // Streamed source by source: the same spans, grouped by resource per batch.
                #expect(try Self.spanKeys(together.stdout) == Self.spanKeys(alone.stdout))
                #expect(try Self.spanKeys(alone.stdout).count > 20)
            } else {
                #expect(together.stdout == alone.stdout, "\(command)")
            }
        }
        let listed = try TrexBinary.run(["list", "--json"] + everything)
        for row in try #require(try Self.value(listed.stdout) as? [[String: Any]]) {
            let id = String((row["traceId"] as! String).prefix(12))
            for command in [["show", id], ["analyze", id], ["compare", id, "--baseline"]] {
                let together = try TrexBinary.run(command + files + ["--store", store])
                let alone = try TrexBinary.run(command + everything)
                #expect(together.stdout == alone.stdout, "\(command)")
            }
        }
    }

    @Test func aStoreOfTheFirstSchemaIsUpgradedByTheFirstCommand() throws {
        let copy = Self.setup.directory + "/phase1-\(UUID().uuidString).sqlite"
        try FileManager.default.copyItem(
            atPath: TrexBinary.packageRoot.appendingPathComponent("Tests/TraceStoreTests/Fixtures/phase1.sqlite").path,
            toPath: copy)
        let listed = try TrexBinary.run(["list", "--store", copy])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.split(separator: "\n").count > 30)
        let info = try TrexBinary.run(["store", "info", "--check", "--store", copy])
        #expect(info.stdout.contains("schema version 3"))
        #expect(info.stdout.contains("Check        ok"))
    }

    @Test func aMissingOrDamagedStoreIsAClearError() throws {
        let missing = Self.setup.directory + "/none.sqlite"
        for command in [["list"], ["query", "status = error"], ["show", "abc"], ["analyze", "abc"], ["compare", "abc", "abd"],
                        ["stats"], ["deps"], ["convert", "--to", "otlp"], ["store", "export", "--to", "otlp"]] {
            let r = try TrexBinary.run(command + ["--store", missing])
            #expect(r.status == 1, "\(command)")
            #expect(r.stderr == "trex: no trace store at \(missing); import traces with `trex import FILE`\n", "\(command)")
        }
        let empty = Self.setup.directory + "/empty-xdg"
        let byDefault = try TrexBinary.run(["list"], environment: ["XDG_DATA_HOME": empty])
        #expect(byDefault.status == 1)
        #expect(byDefault.stderr.contains("no trace store at \(empty)/trex/traces.sqlite"))

        let garbage = Self.setup.directory + "/garbage.sqlite"
        try Data("not a database at all, just text".utf8).write(to: URL(fileURLWithPath: garbage))
        let notSQLite = try TrexBinary.run(["list", "--store", garbage])
        #expect(notSQLite.status == 1)
        #expect(notSQLite.stderr.contains("is not a trex store: not an SQLite database"))
        #expect(try String(contentsOfFile: garbage, encoding: .utf8) == "not a database at all, just text")
    }
}
