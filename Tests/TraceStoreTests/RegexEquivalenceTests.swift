import Testing
import TestSupport
import TraceModel
import TraceQuery
@testable import TraceStore

/// Regexes (RE2, `LinearRegex`) give the same answers through the store's pushdown (names and
/// services resolved against the dictionary, attribute texts tested inside SQLite by
/// `trex_chunk_match`) as in memory, on text that tells the dialect apart: newlines, accents
/// precomposed and combined, emoji, case, and a long name that makes backtracking explode.
@Suite struct RegexEquivalenceTests {
    static let longName = String(repeating: "a", count: 5_000) + "!"

    /// The texts every span carries, once as its name and once as an attribute value.
    static let texts = [
        "GET /cart", "get /cart", "a\nb", "Traceback (most recent call last):\n  File \"x.py\"\nValueError",
        "café", "cafe\u{301}", "😀", "👍🏽", "aaa", "aab", longName, "x]abcdefzz", ")def", "STRASSE", "",
    ]

    /// One trace per text, each a single span named by it and holding it under `msg` (and a long
    /// copy under `big`, so both inline and dictionary attribute strings are tested).
    static let data: SpanTable = {
        var f = TraceFixture(trace: "regex-0")
        for (i, text) in texts.enumerated() {
            f.inTrace("regex-\(i)")
            f.span("s\(i)", service: i % 2 == 0 ? "svc-even" : "svc-odd", name: text, start: Int64(i), end: Int64(i + 1),
                   attributes: ["msg": .string(text), "big": .string(text + String(repeating: " ", count: 80))])
        }
        return f.build()
    }()

    static let store: (directory: TemporaryDirectory, store: PersistentStore) = {
        let directory = TemporaryDirectory()
        let store = try! StoreTest.makeStore(directory)
        try! StoreTest.importTables([data], into: store)
        return (directory, store)
    }()

    static let patterns = [
        "GET.*", "(?i)get /cart", "a.b", "(?-s)a.b", "Traceback.*", "caf.", "caf..", ".", "..", "(a+)+$", ".*.*.*c",
        "a+", "[^a]+", "\\pL+", "[)abc]def", "x\\]abcdef.*", "(?i)strasse", "", ".*", "cart", "(?U)a.*",
    ]

    static let queries: [String] = patterns.flatMap { p -> [String] in
        let q = QueryPrinter.quote(p)
        return ["name =~ \(q)", "name !~ \(q)", "span.msg =~ \(q)", "span.msg !~ \(q)",
                "span.big =~ \(QueryPrinter.quote(p + " *"))", "service =~ \(q)"]
    }

    @Test(arguments: queries)
    func storeAndMemoryAgree(_ text: String) throws {
        let query = try Query.parse(text)
        let expected = QueryEquivalenceTests.key(QueryEngine.run(query, on: Self.data), in: Self.data)
        let result = try StoreQueryEngine.run(query, on: Self.store.store)
        #expect(QueryEquivalenceTests.key(result.matches, in: result.table) == expected,
                "\(text) pushed down as \(result.filter)")
    }

    /// The answers themselves, so agreeing on a wrong dialect would not pass.
    @Test func theStoreAnswersInRE2sDialect() throws {
        func names(_ text: String) throws -> Set<String> {
            let result = try StoreQueryEngine.run(try Query.parse(text), on: Self.store.store)
            return Set(result.matches.flatMap { m in
                let trace = result.table.trace(at: m.traceIndex)
                return m.matchedSpans.map { trace.nameOf(Int($0)) }
            })
        }
        #expect(try names(#"name =~ "a.b""#) == ["a\nb", "aab"])
        #expect(try names(#"span.msg =~ "Traceback.*ValueError""#) == [Self.texts[3]])
        #expect(try names(#"name =~ "caf.""#) == ["café"])
        #expect(try names(#"span.msg =~ "caf..""#) == ["cafe\u{301}"])
        #expect(try names(#"span.big =~ ". *""#) == ["😀", ""])        // "" + 80 spaces: `.` is one
        #expect(try names(#"name =~ "(a+)+$""#) == ["aaa"])
        #expect(try names(#"span.msg =~ "(a+)+!""#) == [Self.longName])
        #expect(try names(#"span.msg =~ "(?i)strasse""#) == ["STRASSE"])
        #expect(try names(#"name =~ "cart""#).isEmpty)
    }
}
