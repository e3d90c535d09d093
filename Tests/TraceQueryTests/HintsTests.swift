import Testing
import TestSupport
import TraceModel
@testable import TraceQuery

@Suite struct HintsTests {
    func hints(_ q: String, _ table: SpanTable = QueryFixtures.primer) -> [String] {
        guard let query = parse(q) else { return ["<error>"] }
        return QueryHints.check(query, table: table)
    }

    @Test func misspeltAttribute() {
        #expect(hints("user.idd = \"12345\"") == [
            "no span has attribute `user.idd` (did you mean `user.id`?)",
            "this query can match nothing in the loaded data",
        ])
        #expect(hints("span.user.idd") == [
            "no span has attribute `span.user.idd` (did you mean `span.user.id`?)",
            "this query can match nothing in the loaded data",
        ])
    }

    @Test func attributeNamedLikeAField() {
        #expect(hints("Duraton > 5000").first == "no span has attribute `Duraton` (did you mean the field `duration`?)")
    }

    @Test func resourceAttribute() {
        #expect(hints("resource.host = \"a\"").first == "no resource has attribute `resource.host`")
    }

    @Test func renamedConventionsCountAsPresent() {
        // QueryFixtures.primer stores http.response.status_code on one span and http.status_code on others.
        #expect(hints("http.response.status_code >= 400") == [])
        #expect(hints("http.status_code >= 400") == [])
    }

    @Test func misspeltService() {
        #expect(hints("service.name = \"chekout\"") == [
            "no service named \"chekout\" (did you mean \"checkout\"?)",
            "this query can match nothing in the loaded data",
        ])
        #expect(hints("service = \"nothing-like-it\"").first == "no service named \"nothing-like-it\"")
        #expect(hints("service in (\"checkout\", \"postgress\")") == ["no service named \"postgress\" (did you mean \"postgres\"?)"])
    }

    @Test func misspeltSpanName() {
        #expect(hints("name = \"database.qeury\"").first == "no span named \"database.qeury\" (did you mean \"database.query\"?)")
        #expect(hints("trace.name = \"GET /acount\"").first
                == "no trace has a root span named \"GET /acount\" (did you mean \"GET /account\"?)")
    }

    @Test func statusAndKindAbsentFromTheData() {
        #expect(hints("kind = producer").first == "no span has kind PRODUCER")
        #expect(hints("status = error") == [])
        #expect(hints("status = ok AND kind = consumer") == [
            "no span has kind CONSUMER",
            "this query can match nothing in the loaded data",
        ])
    }

    @Test func durationsLongerThanAnything() {
        #expect(hints("duration > 1h").first == "no span is longer than 1h (the longest is 6s)")
        #expect(hints("duration >= 6s") == [])
        #expect(hints("duration > 6s").first == "no span is longer than 6s (the longest is 6s)")
        #expect(hints("trace.duration > 10s").first == "no trace is longer than 10s (the longest is 6s)")
    }

    @Test func attributeValueNotInTheData() {
        #expect(hints("user.id = \"54321\"") == [
            "no span has `user.id = \"54321\"`",
            "this query can match nothing in the loaded data",
        ])
        #expect(hints("user.id = \"12345\"") == [])
        #expect(hints("http.status_code >= 600").first == "no span has `http.status_code >= 600`")
        #expect(hints("http.status_code in (404, 503)") == [])
        #expect(hints("http.status_code in (404, 418)").first == "no span has `http.status_code IN (404, 418)`")
        // Under OR, one impossible branch does not make the query impossible.
        #expect(hints("user.id = \"54321\" OR service = \"checkout\"") == ["no span has `user.id = \"54321\"`"])
    }

    @Test func queriesThatCanMatchAreQuiet() {
        #expect(hints(#"Duration > 5s AND service.name="checkout""#) == [])
        #expect(hints(#"Status = ERROR AND span.name="database.query""#) == [])
        #expect(hints(#"user.id="12345" AND http.status_code >= 400"#) == [])
    }

    @Test func hintsAreNotRepeated() {
        #expect(hints("user.idd = 1 OR user.idd = 2").filter { $0.contains("user.idd") }.count == 1)
    }
}
