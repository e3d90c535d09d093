import Testing
@testable import TraceQuery

@Suite struct DiagnosticRenderingTests {
    @Test func caretUnderTheRangeWithHelp() throws {
        let q = "Duraton > 5s AND service.name=\"checkout\""
        let d = try #require(diagnostic(q))
        #expect(d.rendered(query: q) == """
            error: `Duraton` is not a known field, and attributes hold no durations (column 1)
              Duraton > 5s AND service.name="checkout"
              ^~~~~~~
              help: did you mean `duration`?
            """)
        #expect(d.fixed(query: q) == "duration > 5s AND service.name=\"checkout\"")
        #expect(d.description == "column 1: `Duraton` is not a known field, and attributes hold no durations")
    }

    @Test func expectedListAndEndOfQuery() throws {
        let q = "duration >"
        let d = try #require(diagnostic(q))
        #expect(d.column == 10)
        #expect(d.rendered(query: q) == """
            error: expected a value after `>`, found the end of the query (column 11)
              duration >
                        ^
              expected: a string, a number, a duration, true, false or a status or kind name
            """)
        #expect(d.fixed(query: q) == nil)
    }

    @Test func suggestedUnit() throws {
        let q = "duration > 5000 AND x = 1"
        let d = try #require(diagnostic(q))
        #expect(d.fixed(query: q) == "duration > 5000ms AND x = 1")
        #expect(d.rendered(query: q).contains("\n" + String(repeating: " ", count: 13) + "^~~~\n"))
    }

    @Test func charactersNotBytes() throws {
        let q = "name = \"café µs\" AND x = 1 zz"
        let d = try #require(diagnostic(q))
        #expect(d.range == SourceRange(27, 29))
        #expect(d.rendered(query: q).split(separator: "\n")[2] == "  " + String(repeating: " ", count: 27) + "^~")
    }

    @Test func tabsStayAligned() throws {
        let q = "a = 1\tAND\t)"
        let d = try #require(diagnostic(q))
        #expect(d.rendered(query: q).split(separator: "\n")[2] == "       \t   \t^")
    }

    @Test func multilineQueriesShowTheLineAtFault() throws {
        let q = "duration > 5s\nAND service = checkout\nAND x = 1"
        let d = try #require(diagnostic(q))
        let lines = d.rendered(query: q).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "error: `checkout` is not a value here: strings go in double quotes (line 2, column 15)")
        #expect(lines[1] == "  AND service = checkout")
        #expect(lines[2] == "                ^~~~~~~~")
    }

    @Test func rangesBeyondTheQueryAreClamped() {
        let d = QueryDiagnostic(.parsing, "m", at: SourceRange(50, 60))
        #expect(d.rendered(query: "abc") == "error: m (column 4)\n  abc\n     ^")
        #expect(QueryDiagnostic(.parsing, "m", at: SourceRange(2, 1)).range == SourceRange(2, 2))
    }

    @Test func diagnosticsAreValues() throws {
        let a = try #require(diagnostic("status = EROR"))
        let b = try #require(diagnostic("status = EROR"))
        #expect(a == b)
        #expect(a.stage == .checking)
        #expect(a.expected == ["OK", "ERROR", "UNSET"])
        #expect(a.suggestion == "ERROR")
        let error: any Error = a
        #expect(error is QueryDiagnostic)
    }
}
