import Foundation
import Testing

/// Screens compared with text files reviewed by hand (Tests/ExplorerUITests/Golden): a change
/// fails until the file is re-recorded on purpose, with `TREX_RECORD=1`, and the new file is
/// read before it is committed.
enum GoldenScreen {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static func check(_ screen: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = directory.appendingPathComponent(name + ".txt")
        let shown = screen.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n")
        if ProcessInfo.processInfo.environment["TREX_RECORD"] == "1" {
            try shown.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: file, encoding: .utf8)
        #expect(shown == golden, "\(name) differs from its golden screen (re-record with TREX_RECORD=1 after reading it):\n\(shown)",
                sourceLocation: sourceLocation)
    }
}
