import Foundation
import Testing

/// The trace store under contention, with the real `trex` binary as separate processes: two
/// imports at once, readers during an import, and an import that runs out of space.
@Suite(.serialized) struct StoreContentionTests {
    /// A scratch directory, removed when the value goes away.
    final class Scratch {
        let path = NSTemporaryDirectory() + "trex-contention-\(UUID().uuidString)"
        init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }
        func file(_ name: String) -> String { path + "/" + name }
    }

    // MARK: - Data

    /// OTLP JSON Lines: `traces` traces with ids tagged by `tag` (two hex digits), each of the
    /// spans `spans` (indices into a five-span chain), one trace per line.
    static func otlp(tag: String, traces: Int, spans: Range<Int> = 0..<5) -> String {
        var out = ""
        out.reserveCapacity(traces * spans.count * 260)
        let base: Int64 = 1_732_530_800_000_000_000
        for t in 0..<traces {
            let traceID = tag + String(repeating: "0", count: 22) + String(format: "%08x", t)
            var items: [String] = []
            for s in spans {
                let spanID = String(format: "%08x%08x", t, s + 1)
                let parent = s == 0 ? "" : #","parentSpanId":"\#(String(format: "%08x%08x", t, s))""#
                let start = base + Int64(t) * 1_000_000_000 + Int64(s) * 1_000_000
                items.append(#"{"traceId":"\#(traceID)","spanId":"\#(spanID)"\#(parent),"name":"op-\#(s)","kind":2,"#
                             + #""startTimeUnixNano":"\#(start)","endTimeUnixNano":"\#(start + 50_000_000 - Int64(s) * 1_000_000)","#
                             + #""attributes":[{"key":"http.route","value":{"stringValue":"/r/\#(t % 97)"}}]}"#)
            }
            out += #"{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"svc-\#(tag)"}}]},"#
                + #""scopeSpans":[{"scope":{"name":"test"},"spans":[\#(items.joined(separator: ","))]}]}]}"# + "\n"
        }
        return out
    }

    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    // MARK: - Processes

    /// A `trex` (or shell) process running in the background, its output going to files.
    final class Background {
        let process = Process()
        let out: String
        let err: String

        init(_ executable: String, _ arguments: [String], in scratch: Scratch, name: String) throws {
            out = scratch.file(name + ".out")
            err = scratch.file(name + ".err")
            _ = FileManager.default.createFile(atPath: out, contents: nil)
            _ = FileManager.default.createFile(atPath: err, contents: nil)
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle(forWritingAtPath: out)
            process.standardError = FileHandle(forWritingAtPath: err)
            try process.run()
        }

        var running: Bool { process.isRunning }

        /// Waits for the exit (at most `seconds`, then kills it) and returns the status and output.
        func finish(within seconds: Double = 120) -> (status: Int32, reason: Process.TerminationReason, stdout: String, stderr: String) {
            let deadline = Date().addingTimeInterval(seconds)
            while process.isRunning && Date() < deadline { usleep(10_000) }
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            let stdout = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
            let stderr = (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
            return (process.terminationStatus, process.terminationReason, stdout, stderr)
        }
    }

    /// `trex store info --json` as a dictionary (nil when the command fails).
    static func info(_ store: String, check: Bool = false) throws -> (status: Int32, json: [String: Any]?, stderr: String) {
        let r = try TrexBinary.run(["store", "info", "--json", "--store", store] + (check ? ["--check"] : []))
        let json = try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        return (r.status, json, r.stderr)
    }

    /// Spans per operation from `trex stats --json --store`, which loads every stored trace in
    /// one read, as the explorer does (nil when the command fails).
    static func operationCounts(_ store: String) throws -> [String: Int]? {
        let r = try TrexBinary.run(["stats", "--json", "--store", store])
        guard r.status == 0, let json = try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any],
              let operations = json["operations"] as? [[String: Any]] else { return nil }
        var counts: [String: Int] = [:]
        for op in operations {
            if let name = op["operation"] as? String, let count = op["count"] as? Int { counts[name, default: 0] += count }
        }
        return counts
    }

    static func counts(_ json: [String: Any]?) -> (traces: Int, spans: Int) {
        ((json?["traceCount"] as? Int) ?? -1, (json?["spanCount"] as? Int) ?? -1)
    }

    // MARK: - Two imports at once

    /// Two imports start together on one new store, in small batches so that they interleave;
    /// some traces have spans in both files. Both succeed (the second writer waits on SQLite's
    /// busy timeout), and afterwards every span of both is there, merged, and the store checks.
    @Test func twoImportsAtOnceBothSucceedWithEverySpan() throws {
        let scratch = try Scratch()
        let store = scratch.file("store.sqlite")
        try Self.write(Self.otlp(tag: "a1", traces: 1_500) + Self.otlp(tag: "cc", traces: 300, spans: 0..<3),
                       to: scratch.file("a.jsonl"))
        try Self.write(Self.otlp(tag: "b2", traces: 1_500) + Self.otlp(tag: "cc", traces: 300, spans: 3..<5),
                       to: scratch.file("b.jsonl"))
        let first = try Background(TrexBinary.path, ["import", "--store", store, "--batch-spans", "200", scratch.file("a.jsonl")],
                                   in: scratch, name: "a")
        let second = try Background(TrexBinary.path, ["import", "--store", store, "--batch-spans", "200", scratch.file("b.jsonl")],
                                    in: scratch, name: "b")
        let a = first.finish(), b = second.finish()
        #expect(a.status == 0 && a.reason == .exit, "first import: \(a.stderr)")
        #expect(b.status == 0 && b.reason == .exit, "second import: \(b.stderr)")
        #expect(a.stdout.hasPrefix("imported 1,800 traces, 8,400 spans"), "\(a.stdout)")
        #expect(b.stdout.hasPrefix("imported 1,800 traces, 8,100 spans"), "\(b.stdout)")

        let checked = try Self.info(store, check: true)
        #expect(checked.status == 0, "\(checked.stderr) \(String(describing: checked.json?["problems"]))")
        #expect(Self.counts(checked.json) == (3_300, 16_500))
        #expect((checked.json?["problems"] as? [String]) == [])
        // The shared traces hold the spans of both files.
        let shared = try TrexBinary.run(["query", "--json", "--store", store, #"{ service = "svc-cc" && name = "op-4" }"#])
        #expect(shared.status == 0, "\(shared.stderr)")
        let traces = try JSONSerialization.jsonObject(with: Data(shared.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(traces.count == 300)
        #expect(traces.allSatisfy { ($0["spanCount"] as? Int) == 5 }, "\(traces.first ?? [:])")
    }

    /// Two imports creating the same new store at once, many times over: neither may see the
    /// other's half-made schema nor apply a migration twice (once 1 round in 6 failed with
    /// "not a trex store (tables: grdb_migrations)" or "table span_chunks already exists").
    @Test func twoImportsCreatingOneNewStore() throws {
        let scratch = try Scratch()
        let input = scratch.file("tiny.jsonl")
        try Self.write(Self.otlp(tag: "f6", traces: 3), to: input)
        for round in 0..<12 {
            let store = scratch.file("new-\(round).sqlite")
            let first = try Background(TrexBinary.path, ["import", "--store", store, input], in: scratch, name: "a\(round)")
            let second = try Background(TrexBinary.path, ["import", "--store", store, input], in: scratch, name: "b\(round)")
            let a = first.finish(), b = second.finish()
            #expect(a.status == 0 && b.status == 0, "round \(round): \(a.stderr)\(b.stderr)")
            let checked = try Self.info(store, check: true)
            #expect(checked.status == 0 && Self.counts(checked.json) == (3, 15), "round \(round): \(checked.stderr)")
        }
    }

    // MARK: - Readers during an import

    /// An import of a file, then of a FIFO the test writes only later: while the import waits on
    /// the FIFO, readers see exactly the first file; while it imports the second, every reader
    /// sees whole traces only (a WAL snapshot: never half a batch), and the store checks.
    @Test func readersDuringAnImportSeeAConsistentStore() throws {
        let scratch = try Scratch()
        let store = scratch.file("store.sqlite")
        let fifo = scratch.file("second.jsonl")
        try Self.write(Self.otlp(tag: "a1", traces: 400), to: scratch.file("first.jsonl"))
        #expect(mkfifo(fifo, 0o600) == 0)
        let importer = try Background(TrexBinary.path, ["import", "--store", store, "--batch-spans", "100",
                                                        scratch.file("first.jsonl"), fifo], in: scratch, name: "import")
        defer { _ = importer.finish(within: 1) }

        // The first file is committed, then the import blocks opening the FIFO.
        let deadline = Date().addingTimeInterval(60)
        var seen = (traces: 0, spans: 0)
        while Date() < deadline {
            let r = try Self.info(store)
            if r.status == 0 {
                seen = Self.counts(r.json)
                #expect(seen.spans == seen.traces * 5, "a reader saw half a trace: \(seen)")
                if seen.traces == 400 { break }
            }
            usleep(20_000)
        }
        #expect(seen == (400, 2_000))
        #expect(importer.running)
        let list = try TrexBinary.run(["list", "--json", "--store", store])
        #expect(list.status == 0, "\(list.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(rows.count == 400)
        #expect(rows.allSatisfy { ($0["spanCount"] as? Int) == 5 })
        let during = try Self.info(store, check: true)
        #expect(during.status == 0, "\(during.stderr)")
        #expect(try Self.operationCounts(store) == ["op-0": 400, "op-1": 400, "op-2": 400, "op-3": 400, "op-4": 400])

        // Now the second file, in many small batches, with readers running until the import ends.
        try Self.write(Self.otlp(tag: "b2", traces: 2_000), to: scratch.file("second-source.jsonl"))
        let writer = try Background("/bin/sh", ["-c", "cat \"$0\" > \"$1\"", scratch.file("second-source.jsonl"), fifo],
                                    in: scratch, name: "writer")
        var reads = 0
        var partial = 0
        while importer.running {
            let r = try Self.info(store, check: reads % 4 == 0)
            #expect(r.status == 0, "a reader failed during the import: \(r.stderr)")
            let c = Self.counts(r.json)
            #expect(c.spans == c.traces * 5, "a reader saw half a trace: \(c)")
            #expect(c.traces >= 400 && c.traces <= 2_400, "\(c)")
            if c.traces > 400 && c.traces < 2_400 { partial += 1 }
            // Everything loaded in one snapshot: each of the five operations as often as the others.
            if reads % 2 == 1, let ops = try Self.operationCounts(store) {
                #expect(Set(ops.values).count == 1 && ops.count == 5, "a loading reader saw half a trace: \(ops)")
            }
            reads += 1
        }
        let done = importer.finish()
        _ = writer.finish()
        #expect(done.status == 0, "\(done.stderr)")
        #expect(reads > 0)
        print("readers during the import: \(reads) reads, \(partial) of them mid-import")
        let after = try Self.info(store, check: true)
        #expect(after.status == 0)
        #expect(Self.counts(after.json) == (2_400, 12_000))
    }

    /// A FIFO that a writer streams into is read whole: the loader never opens it to look and
    /// closes it again (that made the writer die of SIGPIPE, or its first bytes vanish, and an
    /// import of a FIFO kept half a trace).
    @Test func aFIFOIsReadWholeWhileItsWriterStreams() throws {
        let scratch = try Scratch()
        let fifo = scratch.file("stream.jsonl")
        #expect(mkfifo(fifo, 0o600) == 0)
        try Self.write(Self.otlp(tag: "f3", traces: 6_000), to: scratch.file("source.jsonl"))
        for _ in 0..<5 {
            let writer = try Background("/bin/sh", ["-c", "cat \"$0\" > \"$1\"", scratch.file("source.jsonl"), fifo],
                                        in: scratch, name: "writer")
            let list = try TrexBinary.run(["list", "--json", fifo])
            let wrote = writer.finish()
            #expect(wrote.status == 0, "the writer died: \(wrote.stderr)")
            let rows = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(rows.count == 6_000 && rows.allSatisfy { ($0["spanCount"] as? Int) == 5 }, "\(rows.count) traces")
        }
    }

    // MARK: - Out of space

    /// An import under a file-size limit (RLIMIT_FSIZE, as a full disk) stops with one clear
    /// line and exit status 1, not a crash; the store keeps what it committed and checks, and
    /// the same import without the limit completes it.
    @Test func anImportThatRunsOutOfSpaceFailsCleanly() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/prlimit") else {
            print("skipping: /usr/bin/prlimit (util-linux) is not installed")
            return
        }
        let scratch = try Scratch()
        let store = scratch.file("store.sqlite")
        let input = scratch.file("big.jsonl")
        try Self.write(Self.otlp(tag: "d4", traces: 6_000), to: input)
        let seeded = try TrexBinary.run(["import", "--store", store, Self.smallFile(scratch)])
        #expect(seeded.status == 0, "\(seeded.stderr)")

        // 2 MB: the schema and a few batches fit, the whole import (about 8 MB) does not.
        let limited = try Background("/usr/bin/prlimit", ["--fsize=2097152", TrexBinary.path, "import", "--store", store,
                                                          "--batch-spans", "1000", input], in: scratch, name: "limited")
        let r = limited.finish()
        #expect(r.reason == .exit, "killed by signal \(r.status): \(r.stderr)")
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(r.stderr)")
        #expect(r.stderr.contains("no space") || r.stderr.contains("file-size limit"), "\(r.stderr)")
        #expect(!r.stderr.contains("INSERT") && !r.stderr.contains("SQLite error"), "\(r.stderr)")

        let checked = try Self.info(store, check: true)
        #expect(checked.status == 0, "\(checked.stderr) \(String(describing: checked.json?["problems"]))")
        let partial = Self.counts(checked.json)
        #expect(partial.spans == partial.traces * 5 && partial.traces >= 10 && partial.traces < 6_010, "\(partial)")

        let again = try TrexBinary.run(["import", "--store", store, input])
        #expect(again.status == 0, "\(again.stderr)")
        let final = try Self.info(store, check: true)
        #expect(final.status == 0)
        #expect(Self.counts(final.json) == (6_010, 30_050))
    }

    static func smallFile(_ scratch: Scratch) throws -> String {
        let path = scratch.file("small.jsonl")
        try write(otlp(tag: "e5", traces: 10), to: path)
        return path
    }
}
