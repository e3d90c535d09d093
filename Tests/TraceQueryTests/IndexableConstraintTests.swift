import Testing
import TraceModel
@testable import TraceQuery

@Suite struct IndexableConstraintTests {
    func constraints(_ q: String) -> [IndexableConstraint] { parse(q)?.indexableConstraints ?? [] }

    @Test func conjunctionsOfIndexedFields() {
        #expect(constraints(#"duration > 5s AND service.name = "checkout" AND user.id = "1""#) == [
            IndexableConstraint(field: .duration, op: .greater, values: [.duration(.seconds(5))], spanset: 0),
            IndexableConstraint(field: .service, op: .equal, values: [.string("checkout")], spanset: 0),
        ])
        #expect(constraints("status = error AND kind in (server, client) AND name =~ \"GET.*\"") == [
            IndexableConstraint(field: .status, op: .equal, values: [.status(.error)], spanset: 0),
            IndexableConstraint(field: .kind, op: .equal, values: [.kind(.server), .kind(.client)], spanset: 0),
            IndexableConstraint(field: .name, op: .matches, values: [.string("GET.*")], spanset: 0),
        ])
    }

    @Test func traceLevelFields() {
        #expect(constraints("trace.duration > 1s AND trace.service = \"a\" AND trace.name = \"b\"").map(\.field)
                == [.traceDuration, .traceService, .traceName])
    }

    @Test func nothingFromOrOrNot() {
        #expect(constraints("service = \"a\" OR service = \"b\"") == [])
        #expect(constraints("NOT service = \"a\"") == [])
        #expect(constraints("duration > 1s AND (service = \"a\" OR name = \"x\")").map(\.field) == [.duration])
        #expect(constraints("{ service = \"a\" } || { service = \"b\" }") == [])
    }

    @Test func spansetsAreNumbered() {
        let c = constraints(#"{ service = "a" } >> { status = error } && { name = "x" }"#)
        #expect(c.map(\.spanset) == [0, 1, 2])
        #expect(c.map(\.field) == [.service, .status, .name])
        let skipped = constraints(#"({ service = "a" } || { service = "b" }) && { name = "x" }"#)
        #expect(skipped == [IndexableConstraint(field: .name, op: .equal, values: [.string("x")], spanset: 2)])
    }

    @Test func unindexedFieldsAreLeftOut() {
        #expect(constraints("depth > 2 AND selftime > 1ms AND root AND http.method = \"GET\"") == [])
    }
}
