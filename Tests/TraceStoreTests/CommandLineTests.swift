import TestSupport
import Foundation
import Testing
import TraceFormats
@testable import TraceStore

/// `trex import` and `trex store ...` as a person runs them: output, exit status, errors.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs the `trex` next to the test bundle.
    static func trex(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(CrashSafetyTests.trex))
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                   errors: String(decoding: errors, as: UTF8.self))
    }

    @Test(.enabled(if: CrashSafetyTests.trex != nil, "needs the trex executable next to the test bundle"))
    func importInfoPruneAndErrors() throws {
        let dir = TemporaryDirectory()
        let store = dir.file("cli/traces.sqlite")
        let input = dir.file("generated.json")
        TemporaryDirectory.write(OTLPJSONEncoder.encode(SyntheticTraces(spansPerTrace: 100).table(traces: 0..<30)), to: input)
        let first = try Self.trex(["import", "--store", store, input])
        #expect(first.status == 0)
        #expect(first.output.hasPrefix("imported 30 traces, "))
        #expect(first.output.contains(" spans from 1 file in "))
        let again = try Self.trex(["import", "--store", store, input])
        #expect(again.output.contains("already stored"))

        let info = try Self.trex(["store", "info", "--store", store, "--json", "--check"])
        #expect(info.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(info.output.utf8)) as? [String: Any])
        #expect(object["traceCount"] as? Int == 30)
        #expect((object["spanCount"] as? Int ?? 0) > 2_000)
        #expect((object["services"] as? [Any])?.count == 10)
        #expect((object["problems"] as? [Any])?.isEmpty == true)
        let text = try Self.trex(["store", "info", "--store", store])
        #expect(text.output.contains("Traces       30"))

        let pruned = try Self.trex(["store", "prune", "--store", store, "--keep-last", "10"])
        #expect(pruned.status == 0)
        #expect(pruned.output.hasPrefix("pruned 20 traces, "))
        let old = try Self.trex(["store", "prune", "--store", store, "--older-than", "1d"])
        #expect(old.output.hasPrefix("pruned 10 traces, "))   // the synthetic traces are from 2025

        let usage = try Self.trex(["store", "prune", "--store", store])
        #expect(usage.status == 2)
        #expect(usage.errors.contains("--older-than AGE or --keep-last N"))
        let badAge = try Self.trex(["store", "prune", "--store", store, "--older-than", "7 days"])
        #expect(badAge.status == 2)

        let missing = try Self.trex(["store", "info", "--store", dir.file("nothing.sqlite")])
        #expect(missing.status == 1)
        #expect(missing.errors.contains("no trace store at"))
        let notes = dir.file("notes.txt")
        TemporaryDirectory.write(Array("hello, this is not SQLite at all".utf8), to: notes)
        let wrong = try Self.trex(["import", "--store", notes, input])
        #expect(wrong.status == 1)
        #expect(wrong.errors.contains("not an SQLite database"))
        #expect(TemporaryDirectory.contents(notes) == Array("hello, this is not SQLite at all".utf8))
    }
}
