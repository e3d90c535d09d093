import Foundation
import Testing

/// `show`, `analyze`, `query` and `list` address traces by their ids as Jaeger, Zipkin and
/// fixtures write them, on files and on the store.
@Suite struct TraceIDCommandTests {
    /// 64-bit ids (one with leading zeros), a non-hex id, and a 128-bit id whose leading zero
    /// was dropped (31 digits).
    static let ids = ["1e223ff1f80f1c69", "006c3cf93508f205", "trace-123", "df84e36b9e2ee3815d07f0867a5be1f"]

    static func file() throws -> String {
        let traces = ids.enumerated().map { n, id in
            """
            {"traceID": "\(id)", "processes": {"p1": {"serviceName": "svc"}},
             "spans": [{"traceID": "\(id)", "spanID": "a\(n)", "operationName": "op\(n)", "references": [],
                        "startTime": \(1_732_520_000_000_000 + n * 1000), "duration": 100, "processID": "p1"}]}
            """
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("trex-ids-\(UUID().uuidString).json").path
        try ("{\"data\": [" + traces.joined(separator: ",") + "]}").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func showFindsEachIdByWhatTheFileOrJaegerUIShows() throws {
        let path = try Self.file()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = path + ".store"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store + suffix) } }
        #expect(try TrexBinary.run(["import", "--store", store, "--quiet", path]).status == 0)
        let cases = [("1e", "1e223ff1f80f1c69"), ("006c3cf9", "006c3cf93508f205"),
                     ("df84e36b9e2ee3815d07f0867a5be1f", "0df84e36b9e2ee3815d07f0867a5be1f"),
                     ("trace-123", "trace-123"), ("trace-1", "trace-123")]
        for where_ in [[path], ["--store", store]] {
            for (typed, shown) in cases {
                let r = try TrexBinary.run(["show", typed] + where_)
                #expect(r.status == 0, "\(typed): \(r.stderr)")
                #expect(r.stdout.hasPrefix("Trace \(shown) "), "\(typed): \(r.stdout)")
                let a = try TrexBinary.run(["analyze", typed] + where_)
                #expect(a.stdout.hasPrefix("Trace \(shown):"), "\(typed): \(a.stdout)")
            }
            let q = try TrexBinary.run(["query", "traceid = \"006c3cf9\""] + where_)
            #expect(q.status == 0)
            #expect(q.stdout.contains("006c3cf9") && !q.stdout.contains("1e223ff1"))
            let list = try TrexBinary.run(["list"] + where_)
            #expect(list.stdout.contains("1e223ff1 ") && list.stdout.contains("trace-123"))
            #expect(!list.stdout.contains("00000000"), "64-bit ids show as their 16 digits")
            let ambiguous = try TrexBinary.run(["show", "0"] + where_)
            #expect(ambiguous.status == 1)
            #expect(ambiguous.stderr.contains("matches 3 traces"))
        }
    }
}
