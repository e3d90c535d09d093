import Foundation
import Testing
@testable import TraceQuery

/// docs/query-language.md stays true: its examples parse, and the regex claims hold.
@Suite struct DocsTests {
    static let docURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/query-language.md")

    @Test func examplesParse() throws {
        guard let text = try? String(contentsOf: Self.docURL, encoding: .utf8) else {
            print("skipping: \(Self.docURL.path) is not readable")
            return
        }
        let examples = try #require(text.components(separatedBy: "## Examples").last)
        var count = 0
        for line in examples.split(separator: "\n") where !line.hasPrefix("```") {
            let query = line.components(separatedBy: "  ").first ?? ""
            guard !query.isEmpty else { continue }
            #expect(parse(query) != nil, "\(query)")
            count += 1
        }
        #expect(count >= 10)
    }

    @Test func regexEngineBehavesAsDocumented() throws {
        func whole(_ pattern: String, _ text: String) -> Bool {
            StringMatcher.textTest(.matches, pattern)!(text)
        }
        #expect(whole("GET.*", "GET /cart"))
        #expect(!whole("GET", "GET /cart"))
        #expect(whole("a.b", "a\nb"))                           // `.` matches a newline
        #expect(!whole("(?-s)a.b", "a\nb"))
        #expect(whole("caf.", "café"))                          // code points
        #expect(whole("(?i)get .*", "GET /"))
        #expect(whole("\\d{3}", "500"))
        #expect(whole("(?P<code>5\\d\\d)", "503"))
        #expect(whole("[a-z]+(?:-[a-z]+)*", "x-request-id"))
        #expect(StringMatcher.textTest(.matches, "[") == nil)
        #expect(StringMatcher.textTest(.matches, "(a)\\1") == nil)
        #expect(StringMatcher.textTest(.matches, String(repeating: "\\pL{1000}", count: 10)) == nil)  // too large
    }
}
