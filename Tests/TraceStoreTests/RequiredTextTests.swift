import Testing
import TraceQuery
@testable import TraceStore

/// The bytes a text test requires, which let the attribute scan skip most strings: never more
/// than every passing string contains.
@Suite struct RequiredTextTests {
    func literal(_ pattern: String) -> String? {
        RequiredText.regexLiteral(pattern).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func theLongestRequiredRunOfARegex() {
        #expect(literal(".*/orders/42424[0-9]") == "/orders/42424")
        #expect(literal(#"GET \/api\/v1\.2"#) == "GET /api/v1.2")
        #expect(literal("abcd?efgh") == "efgh", "d is optional")
        #expect(literal("abc*defg") == "defg")
        #expect(literal("ab+cdefg") == "cdefg")
        #expect(literal("x{2,3}yz") == nil, "the bounds are not text")
        #expect(literal("(abcdef)?xy") == nil, "groups may be optional")
        #expect(literal("[abcdef]+") == nil)
        #expect(literal("abc|def") == nil, "alternation")
        #expect(literal("(?i)abcdef") == nil, "case-insensitive")
        #expect(literal(#"\x41BCD"#) == nil)
        #expect(literal(#"\u{1F600}xyz"#) == nil)
        #expect(literal(#"\dabc\d"#) == "abc")
        #expect(literal("ünïcode") == "code", "non-ASCII characters are never required as bytes")
    }

    /// Brackets and parentheses inside a class are members, not nesting (RE2 syntax): the text
    /// around them is read in the right place.
    @Test func classesHoldTheirBracketsAndParentheses() {
        #expect(literal("[)abc]def") == "def", "abc is in the class")
        #expect(literal("[]abc]xyz") == "xyz", "a ] first is a member")
        #expect(literal("[^]abc]xyz") == "xyz")
        #expect(literal("(x[)]abcdef)?zz") == nil, "abcdef is inside the optional group")
        #expect(literal("[[:alpha:]]abc") == "abc")
        #expect(literal(#"[\]abc]xyz"#) == "xyz")
    }

    @Test(arguments: [
        ".*/orders/42424[0-9]", "a.c.*xyz", #"GET \/api\/v[12]"#, "abcd?efg", "x{2,3}yz+", "^foo(bar)*baz$",
        "[0-9]+ ms exceeded", "(?i)ERROR.*", "é.*done", #"\s+timeout\s*"#, "[)abc]def", "[]abc]xyz", "(x[)]abcdef)?zz",
    ])
    func noPassingStringLacksTheRequiredBytes(_ pattern: String) throws {
        let regex = try LinearRegex(pattern)
        let texts = ["https://shop/api/orders/424241", "GET /api/v1", "abcdefg", "abcefg", "xxyz", "xxxyzz", "foobaz",
                     "foobarbarbaz", "500 ms exceeded", "error: boom", "ERROR", "e\u{301}xdone", "édone", " timeout",
                     "abcxyz", "axcxxyz", "zzz", ")def", "adef", "]xyz", "cxyz", "xzz", ")zz", "x]abcdefzz"]
        guard let required = RequiredText.regexLiteral(pattern) else { return }
        for text in texts where regex.matches(text) {
            var utf8 = Array(text.utf8)
            #expect(utf8.withUnsafeBytes { RequiredText.occurs(required, in: $0) }, "\(pattern) matches \(text)")
            utf8.removeAll()
        }
    }

    @Test func containsRequiresItsLiteralWhenASCII() {
        #expect(RequiredText.bytes(op: .contains, literal: "orders") == Array("orders".utf8))
        #expect(RequiredText.bytes(op: .contains, literal: "é") == nil)
        #expect(RequiredText.bytes(op: .contains, literal: "ab") == nil)
        #expect(RequiredText.bytes(op: .other, literal: "abcdef") == nil)
    }
}
