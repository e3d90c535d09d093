import Testing
import TraceModel
import TestSupport
@testable import TraceQuery

/// `=~` and `!~` in RE2's dialect: linear time on patterns that make a backtracking engine
/// explode, anchored, `(?s)` and code points, and refused patterns as diagnostics with a caret.
@Suite struct LinearRegexTests {
    func whole(_ pattern: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        guard let test = StringMatcher.textTest(.matches, pattern) else {
            Issue.record("\(pattern) did not compile", sourceLocation: sourceLocation)
            return false
        }
        return test(text)
    }

    // MARK: - Pathological patterns

    /// `(a+)+$` fails on `aaaa…b` only after trying every way to split the a's: 2^n for a
    /// backtracking engine (the old one ran past 20 s on 20 characters). Here it is an answer.
    @Test func nestedQuantifierFinishesOnALongName() {
        let name = String(repeating: "a", count: 50_000) + "!"
        #expect(!whole("(a+)+$", name))
        #expect(whole("(a+)+$", String(repeating: "a", count: 50_000)))
        let table = Self.table(names: [name, "aaa", "aab"])
        #expect(matched("{ name =~ \"(a+)+$\" }", in: table) == ["aaa"])
        #expect(matched("{ name !~ \"(a+)+$\" }", in: table) == [name, "aab"].sorted())
    }

    /// `.*.*.*c` on text with no `c` is cubic for a backtracking engine (8.8 s on 1,000
    /// characters before).
    @Test func repeatedDotStarFinishes() {
        let text = String(repeating: "x", count: 20_000)
        #expect(!whole(".*.*.*c", text))
        #expect(whole(".*.*.*c", text + "c"))
        #expect(whole(".*.*.*c", "c"))
    }

    // MARK: - Semantics

    @Test func matchesTheWholeString() {
        #expect(!whole("GET", "GET /cart"))
        #expect(!whole("cart", "GET /cart"))
        #expect(whole("GET.*", "GET /cart"))
        #expect(!whole("a|b", "ab"))                  // the anchoring covers every alternative
        #expect(whole("a|b", "b"))
        #expect(whole("", ""))
        #expect(!whole("", "x"))
    }

    @Test func dotMatchesNewline() {
        #expect(whole("a.b", "a\nb"))
        #expect(whole("Traceback.*", "Traceback (most recent call last):\n  File \"x.py\"\nValueError"))
        #expect(!whole("(?-s)a.b", "a\nb"))
        #expect(!whole("a$", "a\n"))                  // `$` is the end of the text, not of a line
    }

    @Test func caseInsensitiveFlag() {
        #expect(whole("(?i)get /cart", "GET /Cart"))
        #expect(!whole("get /cart", "GET /Cart"))
        #expect(whole("(?i:get) /cart", "GeT /cart"))
        #expect(!whole("(?i:get) /cart", "GeT /CART"))
        #expect(whole("(?i)straße", "STRAßE"))
    }

    @Test func dotIsOneCodePoint() {
        #expect(whole("caf.", "café"))                // é precomposed: one code point
        #expect(!whole("caf.", "cafe\u{301}"))         // e + combining acute: two code points
        #expect(whole("caf..", "cafe\u{301}"))
        #expect(whole(".", "😀"))
        #expect(!whole(".", "👍🏽"))                   // thumbs up + skin tone: two code points
        #expect(whole("..", "👍🏽"))
        #expect(whole("[^a]", "ü"))
        #expect(whole("\\pL+", "ἀρχή"))
        #expect(whole("\\x{1F600}", "😀"))
    }

    /// The cached path reads interned strings' bytes in place; ill-formed bytes are matched as
    /// the `String` they decode to (U+FFFD), like every other string test.
    @Test func illFormedBytesMatchAsTheirRepairedText() throws {
        let onBytes = try #require(StringMatcher.utf8Test(.matches, "a.b"))
        let onText = try #require(StringMatcher.textTest(.matches, "a.b"))
        let inputs: [[UInt8]] = [[0x61, 0xFF, 0x62], [0x61, 0xC3, 0xA9, 0x62], [0x61, 0xED, 0xA0, 0x80, 0x62]]
        let answers = inputs.map { bytes in bytes.withUnsafeBytes { onBytes($0) } }
        #expect(answers == [true, true, false])    // U+FFFD; é; a surrogate decodes to three U+FFFD
        #expect(answers == inputs.map { onText(String(decoding: $0, as: UTF8.self)) })
    }

    @Test func validatorAgreesWithTheStandardLibrary() {
        var generator = SeededGenerator(seed: 10)
        for _ in 0..<5_000 {
            let count = Int.random(in: 0...6, using: &generator)
            let pool: [UInt8] = [0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xA0, 0xED, 0x9F, 0xEF, 0xF0,
                                 0x90, 0xF4, 0x8F, 0xF5, 0xFF]
            let bytes = (0..<count).map { _ in pool.randomElement(using: &generator) ?? 0 }
            let valid = String(validating: bytes, as: UTF8.self) != nil
            #expect(bytes.withUnsafeBytes { UTF8Validity.isValid($0) } == valid, "\(bytes)")
        }
    }

    // MARK: - Refused patterns

    /// A refused pattern is a checking error whose caret sits under the part RE2 blames, as
    /// typed in the query (a backslash typed twice).
    @Test func refusedPatternsPointAtTheirPart() throws {
        let cases: [(query: String, blamed: String, says: String)] = [
            (#"name =~ "(a)\\1""#, #"\\1"#, "backreferences (`\\1`) are not supported: trex uses RE2, which matches in linear time"),
            (#"{ span.x =~ "a\\k<n>" }"#, #"\\k"#, "backreferences (`\\k`) are not supported"),
            (#"name =~ "x(?=y)""#, "(?=", "lookahead is not supported: trex uses RE2"),
            (#"name !~ "x(?!y)""#, "(?!", "lookahead is not supported"),
            (#"name =~ "(?<=a)b""#, "(?<", "lookbehind is not supported"),
            (#"name =~ "(?<!a)b""#, "(?<", "lookbehind is not supported"),
            (#"name =~ "(?>a)""#, "(?>", "atomic groups are not supported"),
            (#"name =~ "ba++""#, "++", "possessive quantifiers are not supported"),
            (#"name =~ "(abc""#, "(abc", "invalid regular expression: missing ): (abc"),
        ]
        for c in cases {
            let d = try #require(diagnostic(c.query), "\(c.query)")
            #expect(d.stage == .checking)
            #expect(d.message.contains(c.says), "\(c.query): \(d.message)")
            let start = try #require(c.query.firstRange(of: c.blamed))
            let column = c.query.distance(from: c.query.startIndex, to: start.lowerBound)
            #expect(d.range == SourceRange(column, column + c.blamed.count), "\(c.query): \(d.range)")
            #expect(d.rendered(query: c.query).contains(String(repeating: " ", count: column) + "^"), "\(c.query)")
        }
    }

    /// RE2's memory limit turns a pattern that compiles into a giant program into an error.
    @Test func giantPatternIsAnError() throws {
        let query = "name =~ \"" + String(repeating: #"\\pL{1000}"#, count: 10) + "\""
        let d = try #require(diagnostic(query))
        #expect(d.message.contains("too large"), "\(d.message)")
        #expect(d.range == SourceRange(8, query.count))
        #expect(throws: RegexRefusal.self) { try LinearRegex(String(repeating: "\\pL{1000}", count: 10)) }
    }

    /// A query with a refused pattern reaches the evaluator only with a hand-built AST; it then
    /// matches nothing instead of trapping.
    @Test func uncompilablePatternMatchesNothing() {
        #expect(StringMatcher.textTest(.matches, "(?=x)") == nil)
        let matcher = StringMatcher(op: .matches, literal: "(?=x)", table: Self.table(names: ["x"]))
        #expect(!matcher(StringID(0)))
    }

    // MARK: - Helpers

    /// One trace whose spans have these names.
    static func table(names: [String]) -> SpanTable {
        var f = TraceFixture(trace: "regex")
        f.span("root", service: "svc", name: names[0], start: 0, end: 100)
        for (i, name) in names.dropFirst().enumerated() {
            f.span("s\(i)", parent: "root", service: "svc", name: name, start: Int64(i + 1), end: Int64(i + 2))
        }
        return f.build()
    }
}
