import Testing
import TraceModel
@testable import TraceQuery

/// Name resolution and typing; the error messages with their ranges are in the corpus.
@Suite struct CheckerTests {
    func field(_ text: String) -> Field? {
        guard let q = try? Query.parse(text + " = \"x\""), case .filter(let p) = q.root.kind,
              case .comparison(let c) = p.kind else { return nil }
        return c.field.field
    }

    @Test func intrinsicsInAnyCaseAndEverySpelling() {
        for i in Intrinsic.allCases {
            for name in [i.canonicalName] + i.aliases {
                #expect(Intrinsic(named: name) == i, "\(name)")
                #expect(Intrinsic(named: name.uppercased()) == i, "\(name)")
            }
        }
        #expect(field("SERVICE.NAME") == .intrinsic(.service))
        #expect(field("Span.Name") == .intrinsic(.name))
        #expect(field("rootservicename") == .intrinsic(.traceService))
    }

    @Test func attributesAndScopes() {
        #expect(field("http.url") == .attribute(.any, "http.url"))
        #expect(field(".http.url") == .attribute(.any, "http.url"))
        #expect(field("span.http.url") == .attribute(.span, "http.url"))
        #expect(field("SPAN.http.url") == .attribute(.span, "http.url"))
        #expect(field("resource.host.name") == .attribute(.resource, "host.name"))
        #expect(field("span.service.name") == .attribute(.span, "service.name"))
        #expect(field("Http.URL") == .attribute(.any, "Http.URL"))          // keys are case-sensitive
        #expect(field("`http url`") == .attribute(.any, "http url"))
        #expect(field("`name`") == .attribute(.any, "name"))
        #expect(field("span.`name`") == .attribute(.span, "name"))
        #expect(field("Resource.`x`") == .attribute(.resource, "x"))
        #expect(field(".`x`") == .attribute(.any, "x"))
    }

    @Test func literalsTakeTheFieldsType() throws {
        func value(_ text: String) -> QueryValue? {
            guard let q = try? Query.parse(text), case .filter(let p) = q.root.kind,
                  case .comparison(let c) = p.kind else { return nil }
            return c.value.value
        }
        #expect(value("status = \"error\"") == .status(.error))
        #expect(value("status = Unset") == .status(.unset))
        #expect(value("kind = SPAN_KIND_CONSUMER") == .kind(.consumer))
        #expect(value("kind = unspecified") == .kind(.unspecified))
        #expect(value("depth = 2") == .integer(2))
        #expect(value("depth = 2.0") == .float(2))
        #expect(value("trace.spans > 1e2") == .float(100))
        #expect(value("duration = 2m") == .duration(Nanoseconds(120_000_000_000)))
        #expect(value("spanid = \"AB\"") == .spanID(SpanID(0xab)))
        #expect(value("traceid = \"1\"") == .traceID(TraceIDPattern("1")!))
        #expect(value("traceid = \"trace-123\"") == .traceID(TraceIDPattern("trace-123")!))
        #expect(value("x = `raw`") == .string("raw"))
        #expect(value("x = -1.5") == .float(-1.5))
    }

    @Test func resolutionFailures() {
        switch FieldResolver.resolve(bare: "span.") {
        case .failure(.missingName(let scope)): #expect(scope == "span.")
        default: Issue.record("span. resolved")
        }
        switch FieldResolver.resolve(bare: "a.b.") {
        case .failure(.trailingDot): break
        default: Issue.record("a.b. resolved")
        }
    }

    @Test func suggestionsByEditDistance() {
        #expect(Suggestions.nearest(to: "Duraton", in: ["duration", "name"]) == "duration")
        #expect(Suggestions.nearest(to: "sevrice", in: ["service", "status"]) == "service")
        #expect(Suggestions.nearest(to: "xyz", in: ["duration", "name"]) == nil)
        #expect(Suggestions.nearest(to: "ab", in: ["AB", "ac"]) == "AB")
        #expect(Suggestions.nearest(to: "", in: ["a"]) == nil)
        #expect(Suggestions.distance(Array("kitten"), Array("sitting")) == 3)
        #expect(Suggestions.distance(Array("ab"), Array("ba")) == 1)
    }

    @Test func attributeAliasesAreSymmetric() {
        for (old, new) in AttributeAliases.renamed {
            #expect(AttributeAliases.keys(for: old) == [old, new])
            #expect(AttributeAliases.keys(for: new) == [new, old])
        }
        #expect(AttributeAliases.keys(for: "user.id") == ["user.id"])
    }

    @Test func queriesAreEqualByMeaning() throws {
        #expect(try Query.parse("Duration > 5s") == Query.parse("{ duration>5s }"))
        #expect(try Query.parse("service.name = \"a\"") == Query.parse("service = \"a\""))
        #expect(try Query.parse("a = 1") != Query.parse("a = 2"))
        #expect(try Set([Query.parse("a = 1"), Query.parse(" a=1 ")]).count == 1)
    }
}
