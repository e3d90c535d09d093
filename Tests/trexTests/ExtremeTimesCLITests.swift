import Foundation
import Testing

/// Every command runs on the issue's edge file (a span from -9e18 to 9e18 ns and a child from
/// Int64.max to 1): exit 0 and sane output, no "Illegal instruction".
@Suite struct ExtremeTimesCLITests {
    private static let edges = #"""
    {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"edge"}}]},"scopeSpans":[{"scope":{"name":"t"},"spans":[
    {"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"0000000000000001","name":"root","kind":2,"startTimeUnixNano":"-9000000000000000000","endTimeUnixNano":"9000000000000000000"},
    {"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"0000000000000002","parentSpanId":"0000000000000001","name":"child","kind":3,"startTimeUnixNano":"9223372036854775807","endTimeUnixNano":"1","events":[{"timeUnixNano":"-9223372036854775808","name":"e"}]}
    ]}]}]}
    """#

    private func file() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("trex-edges-\(UUID().uuidString).json")
        try Data(Self.edges.utf8).write(to: url)
        return url.path
    }

    @Test func everyCommandSurvivesTheEdgeFile() throws {
        let path = try file()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let runs: [[String]] = [
            ["list", path], ["show", "0102", path], ["analyze", "0102", path], ["analyze", "--json", "0102", path],
            ["stats", path], ["deps", path], ["query", "duration > 1s", path], ["convert", "--to", "otlp", path],
        ]
        for arguments in runs {
            let result = try TrexBinary.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(!result.stdout.isEmpty, "\(arguments)")
        }
        let list = try TrexBinary.run(["list", path])
        #expect(list.stdout.contains("2562047h47m"), "the duration saturates instead of wrapping negative")
        let analyze = try TrexBinary.run(["analyze", "0102", path])
        #expect(analyze.stdout.contains("bad-duration"))
        let show = try TrexBinary.run(["show", "0102", path])
        #expect(show.stdout.contains("child") && show.stdout.contains("root"))
    }
}
