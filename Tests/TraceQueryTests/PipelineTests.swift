import Testing
import TraceModel
import TestSupport
@testable import TraceQuery

/// TraceQL pipelines on `QueryFixtures.shop`: GET /checkout 30ms (frontend) > api 18ms
/// (checkout) > database.query 8ms (postgres, error) and redis GET 3ms (redis); render 7ms
/// (frontend). Every query here also runs through the store (the evaluator corpus).
@Suite struct PipelineTests {
    func names(_ q: String) -> [String] { matched(q, in: QueryFixtures.shop) }

    static let all = ["GET /checkout", "api", "database.query", "redis GET", "render"]

    @Test func countKeepsTheSetsWithEnoughSpans() {
        #expect(names("{ } | count() > 4") == Self.all)
        #expect(names("{ } | count() > 5") == [])
        #expect(names("{ status = error } | count() = 1") == ["database.query"])
        #expect(names("{ status = error } | count() != 1") == [])
    }

    @Test func aggregatesOverDurations() {
        #expect(names("{ } | max(duration) = 30ms") == Self.all)
        #expect(names("{ } | avg(duration) > 13ms") == Self.all)   // 66ms / 5
        #expect(names("{ } | avg(duration) > 14ms") == [])
        #expect(names("{ } | min(duration) < 4ms") == Self.all)
        #expect(names("{ } | sum(duration) = 66ms") == Self.all)
        #expect(names("{ kind = client } | max(span:duration) >= 18ms") == ["api"])
    }

    @Test func byGroupsAndCoalesceJoins() {
        #expect(names("{ } | by(service) | count() > 1") == ["GET /checkout", "render"])
        #expect(names("{ } | by(service) | avg(duration) > 15ms") == ["GET /checkout", "api", "render"])
        #expect(names("{ } | by(service) | count() = 1 | coalesce() | count() = 3") == ["api", "database.query", "redis GET"])
        #expect(names("{ } | by(service, status) | count() > 1") == [])
        #expect(names("{ } | select(name, duration) | count() = 5") == Self.all)
    }

    @Test func aggregatesOverAttributes() {
        // user.id is the string "12345" on zipkin and the integer 12345 on otlp.
        #expect(matched("{ } | max(user.id) = 12345", in: QueryFixtures.attributes).count == 4)
        #expect(matched("{ } | min(span.user.id) > 12345", in: QueryFixtures.attributes) == [])
    }

    @Test func pipelinesPrintAndParseBack() throws {
        for text in ["{ } | count() > 2", "{ status = error } | by(resource.service.name) | avg(duration) > 20ms",
                     "{ } | select(span.http.url, duration) | coalesce()", "{ } | min(.x) <= 1.5 | sum(selftime) != 0ns"] {
            let once = canonical(text)
            #expect(once != "<error>", "\(text)")
            #expect(canonical(once) == once, "\(text) -> \(once)")
        }
        #expect(canonical("{}|count()>2") == canonical("{ } | count() > 2"))
    }

    @Test func mistakesGetACaretAndHelp() throws {
        #expect(try #require(diagnostic("{ } | cont() > 1")).suggestion == "count")
        #expect(try #require(diagnostic("{ } | count()")).message.contains("must be compared"))
        #expect(try #require(diagnostic("{ } | count(duration) > 1")).message == "`count()` takes no field")
        #expect(try #require(diagnostic("{ } | avg(name) > 1")).message.contains("takes a numeric field"))
        // TraceQL reads a bare number against a duration as nanoseconds; the primer asks for a unit.
        #expect(canonical("{ } | avg(duration) > 5") == "{ } | avg(duration) > 5ns")
        #expect(try #require(diagnostic("duration > 5")).message.contains("give 5 a unit"))
        #expect(try #require(diagnostic("{ } | by(name) > 1")).message.contains("is not compared"))
        #expect(try #require(diagnostic("{ } | by()")).message.contains("takes one or more fields"))
        #expect(try #require(diagnostic("{ } | count() =~ \"x\"")).message.contains("does not apply"))
        #expect(diagnostic("{ } |") != nil)
        #expect(diagnostic("{ } | | count() > 1") != nil)
    }
}

/// Pipelines in parentheses as spanset operands, and stages over computed values.
@Suite struct WrappedPipelineTests {
    func names(_ text: String) -> [String] { matched(text, in: QueryFixtures.shop) }

    @Test func aPipelineInParenthesesIsASpansetOperand() throws {
        #expect(names("({ } | count() > 1 | { false }) || { name = \"render\" }") == ["render"])
        #expect(names("({ status = error } | count() > 0) && { name = \"render\" }") == ["database.query", "render"])
        #expect(names("({ } | count() > 1 | { kind = server }) >> { status = error }") == ["database.query"])
        #expect(canonical("({ a = 1 } | count() > 1) >> { b = 2 }") == "({ a = 1 } | count() > 1) >> { b = 2 }")
    }

    @Test func stagesTakeComputedValues() throws {
        #expect(names("{ } | max(duration * 2) > 1ms") == PipelineTests.all)
        #expect(names("{ } | max(duration * 2) > 1000s") == [])
        // Every span is shorter than a second: whole seconds make one group of five.
        #expect(names("{ } | by(duration / 1000000000) | count() = 5") == PipelineTests.all)
        #expect(names("{ } | by(duration / 1000000) | count() = 5") == [])
        for text in ["{ } | by(1 + .a) | coalesce()", "{ true } | max((1 + .a) * 2) = 1"] {
            let q = try Query.parse(text)
            #expect(try Query.parse(q.description) == q, "\(q.description)")
        }
    }
}
