import Foundation
import Testing
@testable import ExplorerUI

@Suite struct KeymapDocumentTests {
    @Test func docsKeysMatchesTheKeymaps() throws {
        let path = URLPath.packageRoot + "/docs/keys.md"
        let generated = KeymapDocument.markdown()
        if ProcessInfo.processInfo.environment["TREX_RECORD"] == "1" {
            try generated.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOfFile: path, encoding: .utf8)
        #expect(committed == generated, "docs/keys.md is out of date: run the tests with TREX_RECORD=1")
    }
}
