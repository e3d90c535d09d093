import Testing
import TraceModel
import TestSupport
@testable import TraceQuery

/// The issue's three primer queries, exactly as written, on traces that hold their answers
/// (and near misses that must not match).
@Suite struct PrimerTests {
    let table = QueryFixtures.primer

    func result(_ q: String) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for (index, names) in matchedNames(q, in: table) {
            out[table.traces[index].traceID.hex] = names.sorted()
        }
        return out
    }

    func id(_ trace: String) -> String { StableHash.traceID(for: trace).hex }

    @Test func slowCheckout() {
        #expect(result(#"Duration > 5s AND service.name="checkout""#) == [id("slow"): ["POST /checkout"]])
    }

    @Test func failedDatabaseQuery() {
        #expect(result(#"Status = ERROR AND span.name="database.query""#) == [id("broken"): ["database.query"]])
    }

    @Test func userWithServerErrors() {
        // "500" as a Zipkin string under http.status_code, 503 as an OTLP integer under the new
        // name http.response.status_code; the 200 span and the other user do not match.
        #expect(result(#"user.id="12345" AND http.status_code >= 400"#)
                == [id("user"): ["get account", "get orders"]])
    }

    @Test func primerInTraceQLForm() {
        #expect(result(#"{ duration > 5s && service.name = "checkout" }"#) == [id("slow"): ["POST /checkout"]])
        #expect(result(#"{ status = error && name = "database.query" }"#) == [id("broken"): ["database.query"]])
        // TraceQL compares types strictly: the Zipkin string "500" is not a number there, so
        // only the OTLP integer 503 is >= 400 (docs/query-language.md, "primer form / TraceQL form").
        #expect(result(#"{ .user.id = "12345" && .http.status_code >= 400 }"#) == [id("user"): ["get orders"]])
    }
}
