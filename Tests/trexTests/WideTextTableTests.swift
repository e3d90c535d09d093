import Foundation
import Testing

/// CLI tables measure cells in terminal columns: a service named in CJK or with an emoji takes
/// two columns a character, and the columns after it still line up.
@Suite struct WideTextTableTests {
    @Test func wideNamesKeepTheColumnsAligned() throws {
        let spans = [("決済サービス", "01"), ("cart", "02"), ("🚀rocket", "03")].enumerated().map { n, s in
            """
            {"traceId": "00000000000000000000000000000a0\(n)", "id": "\(s.1)", "name": "op", "timestamp": \(1_732_520_000_000_000 + n),
             "duration": 1000, "localEndpoint": {"serviceName": "\(s.0)"}}
            """
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("trex-wide-\(UUID().uuidString).json").path
        try ("[" + spans.joined(separator: ",") + "]").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try TrexBinary.run(["list", path])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        // The ROOT SPAN column starts at the same terminal column on every line.
        func column(of text: String, in line: String) -> Int? {
            guard let range = line.range(of: text) else { return nil }
            return line[..<range.lowerBound].reduce(0) { width, c in
                width + (c.unicodeScalars.first.map { $0.value >= 0x1100 ? 2 : 1 } ?? 1)
            }
        }
        let header = try #require(column(of: "ROOT SPAN", in: lines[0]))
        for line in lines.dropFirst() {
            #expect(column(of: " op ", in: line).map { $0 + 1 } == header, "\(line)")
        }
    }
}
