import Testing
import TraceModel
import TestSupport
@testable import TraceQuery

@Suite struct SmokeTests {
    @Test func primerParses() throws {
        for q in ["Duration > 5s AND service.name=\"checkout\"",
                  "Status = ERROR AND span.name=\"database.query\"",
                  "user.id=\"12345\" AND http.status_code >= 400"] {
            let query = try Query.parse(q)
            print(query.description)
            #expect(try Query.parse(query.description) == query)
        }
    }

    @Test func diagnostics() {
        for q in ["Duraton > 5s", "duration > 5000", "status = EROR", "name contians \"x\"", "duration >", "(a = 1",
                  "a = 1 b = 2", "duration > 5 s", "service = checkout", "{ a } && b = 1", "x =~ \"[\""] {
            switch Query.result(q) {
            case .success(let query): print("OK", query)
            case .failure(let d): print(d.rendered(query: q))
            }
        }
    }
}
