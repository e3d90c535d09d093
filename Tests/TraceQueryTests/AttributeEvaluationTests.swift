import Testing
import TestSupport
import TraceModel
@testable import TraceQuery

/// Attributes on `QueryFixtures.attributes`: missing values, numbers held as strings, booleans,
/// scopes, quoted names, renamed conventions, compound values.
@Suite struct AttributeEvaluationTests {
    let table = QueryFixtures.attributes

    func names(_ q: String) -> [String] { matched(q, in: table) }

    @Test func missingAttributeMakesEveryComparisonFalse() {
        #expect(names("http.method = \"GET\"") == ["root"])
        #expect(names("http.method != \"GET\"") == ["plain"])          // not otlp or zipkin: they lack it
        #expect(names("NOT http.method = \"GET\"") == ["otlp", "plain", "zipkin"])
        #expect(names("http.method =~ \".*\"") == ["plain", "root"])
        #expect(names("http.method !~ \"G.*\"") == ["plain"])
        #expect(names("nothing = 1") == [])
        #expect(names("nothing != 1") == [])
        #expect(names("nothing < 1") == [])
        #expect(names("NOT nothing = 1") == ["otlp", "plain", "root", "zipkin"])
        #expect(names("nothing in (1, 2)") == [])
    }

    @Test func numbersHeldAsStringsCompareNumerically() {
        #expect(names("http.status_code >= 400") == ["otlp", "zipkin"])   // "500" and 503
        #expect(names("http.status_code = 500") == ["zipkin"])
        #expect(names("http.status_code = \"500\"") == ["zipkin"])
        #expect(names("http.status_code = \"503\"") == ["otlp"])          // an int against a numeric string
        #expect(names("http.status_code < 300") == ["plain"])
        #expect(names("http.status_code != 500") == ["otlp", "plain"])
        #expect(names("http.status_code > 499.5") == ["otlp", "zipkin"])
        #expect(names("user.id = \"12345\"") == ["otlp", "zipkin"])
        #expect(names("user.id = 12345") == ["otlp", "zipkin"])
        #expect(names("ratio > 0.5") == ["zipkin"])
        #expect(names("ratio < 0.5") == ["otlp"])
        #expect(names("ratio = 0.25") == ["otlp"])
        #expect(names("ratio >= -1") == ["otlp", "zipkin"])
    }

    @Test func wideIntegers() {
        #expect(names("big > 4000000000") == ["otlp"])
        #expect(names("big = 5000000000") == ["otlp"])
        #expect(names("big > 1e9") == ["otlp"])
        #expect(names("big = \"5000000000\"") == ["otlp"])
    }

    @Test func booleans() {
        #expect(names("retry = true") == ["zipkin"])          // the string "true"
        #expect(names("retry = false") == ["otlp"])
        #expect(names("retry != true") == ["otlp"])
        #expect(names("retry = \"false\"") == ["otlp"])
    }

    @Test func stringOrderAndLiteralsAbsentFromTheTable() {
        #expect(names("http.method > \"A\"") == ["plain", "root"])
        #expect(names("http.method = \"DELETE\"") == [])
        #expect(names("http.method != \"DELETE\"") == ["plain", "root"])
    }

    @Test func scopes() {
        // zipkin's own `region` shadows its resource's.
        #expect(names("region = \"us\"") == ["zipkin"])
        #expect(names("region = \"eu\"") == ["otlp", "plain", "root"])
        #expect(names("resource.region = \"eu\"") == ["otlp", "plain", "root", "zipkin"])
        #expect(names("span.region = \"us\"") == ["zipkin"])
        #expect(names("span.region = \"eu\"") == [])
        #expect(names("host.name = \"web-1\"") == ["root"])
        #expect(names("resource.host.name = \"web-1\"") == ["root"])
        #expect(names("span.host.name = \"web-1\"") == [])
        #expect(names(".host.name = \"web-1\"") == ["root"])
    }

    @Test func aBareAttributeInBracesIsTrueAndWithoutThemExists() {
        // retry: the string "true" on zipkin, the boolean false on otlp. TraceQL's test wants
        // the boolean true, which neither is.
        #expect(names("{ retry }") == [])
        #expect(names("retry") == ["otlp", "zipkin"])
        #expect(names("{ exists(retry) }") == ["otlp", "zipkin"])
        #expect(canonical("{ retry } >> { }") == "{ retry = true } >> { }")
    }

    @Test func nilIsAbsence() throws {
        #expect(names("{ .k8s.pod.name != nil }") == ["otlp", "plain"])
        #expect(names("{ .k8s.pod.name = nil }") == ["root", "zipkin"])
        #expect(names("{ span.k8s.pod.name = nil }") == ["otlp", "plain", "root", "zipkin"])
        #expect(names("{ duration != nil }") == ["otlp", "plain", "root", "zipkin"])
        #expect(diagnostic("{ duration = nil }")?.message.contains("never nil") == true)
        #expect(names("duration = nil") == [])
        #expect(canonical("{ .a != nil }") == "exists(a)")
        #expect(canonical("{ .a = nil }") == "NOT exists(a)")
        let d = try #require(diagnostic("{ .a > nil }"))
        #expect(d.message.contains("does not apply"))
    }

    @Test func traceQLQuotesAttributeNamesWithDoubleQuotes() {
        #expect(names("{ span.\"odd key\" = \"yes\" }") == ["otlp"])
        #expect(names("{ .\"odd key\" = \"yes\" }") == ["otlp"])
        #expect(names("{ resource.\"odd key\" = \"yes\" }") == [])
        #expect(canonical("{ .\"a \\\"b\\\"\" = 1 }") == canonical("{ `a \"b\"` = 1 }"))
        #expect(diagnostic("{ span.\"\" = 1 }")?.message == "empty quoted name")
    }

    @Test func existence() {
        #expect(names("exists(k8s.pod.name)") == ["otlp", "plain"])
        #expect(names("k8s.pod.name") == ["otlp", "plain"])
        #expect(names("NOT k8s.pod.name") == ["root", "zipkin"])
        #expect(names("span.k8s.pod.name") == [])
        #expect(names("resource.k8s.pod.name") == ["otlp", "plain"])
        #expect(names("exists(nothing)") == [])
        #expect(names("exists(tags)") == ["plain"])
    }

    @Test func quotedNames() {
        #expect(names("`odd key` = \"yes\"") == ["otlp"])
        #expect(names("span.`odd key` = \"yes\"") == ["otlp"])
        #expect(names("resource.`odd key` = \"yes\"") == [])
        #expect(names("`odd key`") == ["otlp"])
    }

    @Test func renamedConventionsWorkBothWays() {
        #expect(names("db.statement contains \"carts\"") == ["otlp"])           // stored as db.query.text
        #expect(names("db.query.text contains \"carts\"") == ["otlp"])
        #expect(names("http.response.status_code = 500") == ["zipkin"])          // stored as http.status_code
        #expect(names("http.response.status_code >= 200") == ["otlp", "plain", "zipkin"])
        #expect(names("url.full =~ \".*cart.*\"") == ["root"])                  // stored as http.url
        #expect(names("http.request.method = \"POST\"") == ["plain"])
    }

    @Test func textOperatorsOnNumbersUseTheirText() {
        #expect(names("http.status_code =~ \"5..\"") == ["otlp", "zipkin"])
        #expect(names("http.status_code contains \"0\"") == ["otlp", "plain", "zipkin"])
        #expect(names("retry =~ \"f.*\"") == ["otlp"])
        #expect(names("http.status_code !~ \"5..\"") == ["plain"])
    }

    @Test func membership() {
        #expect(names("http.status_code in (200, 503)") == ["otlp", "plain"])
        #expect(names("http.method in (\"POST\", \"PUT\")") == ["plain"])
        #expect(names("http.method not in (\"POST\")") == ["otlp", "root", "zipkin"])
        #expect(names("user.id in (\"12345\", 7)") == ["otlp", "zipkin"])
    }

    /// `tags` is the array ["a", "b"]: an element matching is enough, and a negation holds when
    /// no element matches.
    @Test func arraysMatchWhenAnElementDoes() {
        #expect(names("tags = \"a\"") == ["plain"])
        #expect(names("tags != \"a\"") == [])
        #expect(names("tags != \"c\"") == ["plain"])
        #expect(names("tags =~ \".*\"") == ["plain"])
        #expect(names("tags !~ \"c\"") == ["plain"])
        #expect(names("{ .tags = \"b\" }") == ["plain"])
    }
}
