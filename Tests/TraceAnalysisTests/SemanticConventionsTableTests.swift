import Testing
@testable import TraceAnalysis

/// The generated registry table (scripts/semconv-table, swift-otel-semantic-conventions 1.44.0)
/// against facts read in that package's source.
@Suite struct SemanticConventionsTableTests {
    @Test func versions() {
        #expect(SemanticConventions.version == "1.44.0")
        #expect(SemanticConventions.specificationVersion == "1.44.0")
    }

    @Test func currentAttributes() throws {
        let status = try #require(SemanticConventions.attribute("http.response.status_code"))
        #expect(status.type == .int)
        #expect(!status.isDeprecated)
        #expect(status.replacement == nil && status.deprecationNote == nil)

        let route = try #require(SemanticConventions.attribute("http.route"))
        #expect(route.type == .string && !route.isDeprecated)

        let service = try #require(SemanticConventions.attribute("service.name"))
        #expect(service.type == .string && !service.isDeprecated)

        // An enum of strings is a string; one whose members are all integers is an int.
        #expect(SemanticConventions.attribute("http.request.method")?.type == .string)
        #expect(SemanticConventions.attribute("rpc.grpc.status_code")?.type == .int)
        #expect(SemanticConventions.attribute("host.ip")?.type == .stringArray)
        #expect(SemanticConventions.attribute("feature_flag.result.value")?.type == .any)
    }

    @Test func renamedAttributes() throws {
        let renamed = [
            "http.status_code": "http.response.status_code",
            "db.statement": "db.query.text",
            "http.method": "http.request.method",
            "http.url": "url.full",
            "db.system": "db.system.name",   // deprecated in 1.44.0
        ]
        for (old, new) in renamed {
            let attribute = try #require(SemanticConventions.attribute(old), "\(old)")
            #expect(attribute.isDeprecated, "\(old)")
            #expect(attribute.replacement == new, "\(old)")
            #expect(SemanticConventions.attribute(new)?.isDeprecated == false, "\(new)")
        }
        #expect(SemanticConventions.attribute("http.status_code")?.type == .int)
    }

    @Test func deprecatedWithANote() throws {
        // The package gives no rename, only a message naming the server side first.
        let peer = try #require(SemanticConventions.attribute("net.peer.name"))
        #expect(peer.isDeprecated && peer.replacement == "server.address")
        #expect(peer.deprecationNote?.contains("`client.address` on server spans") == true)

        let target = try #require(SemanticConventions.attribute("http.target"))
        #expect(target.isDeprecated && target.replacement == nil)
        #expect(target.deprecationNote == "Obsoleted: Split to `url.path` and `url.query`.")
    }

    @Test func templates() throws {
        let header = try #require(SemanticConventions.attribute("http.request.header.x-foo"))
        #expect(header.name == "http.request.header.<key>")
        #expect(header.isTemplate && header.type == .stringArray && !header.isDeprecated)
        // A key may hold dots; the longest template prefix wins.
        #expect(SemanticConventions.attribute("k8s.pod.label.app.kubernetes.io/name")?.name == "k8s.pod.label.<key>")
        let labels = try #require(SemanticConventions.attribute("k8s.pod.labels.app"))
        #expect(labels.isDeprecated && labels.replacement == "k8s.pod.label.<key>")
        // The template's own name without a key is no attribute.
        #expect(SemanticConventions.attribute("http.request.header") == nil)
        #expect(SemanticConventions.attribute("http.request.header.") == nil)
    }

    @Test func unknownNames() {
        #expect(SemanticConventions.attribute("my_http_code") == nil)
        #expect(SemanticConventions.attribute("") == nil)
        #expect(SemanticConventions.attribute("http.response.statuscode") == nil)
    }

    @Test func theWholeTable() {
        let all = SemanticConventions.all
        // 1.44.0 has 899 attributes, 204 of them deprecated, 41 templates.
        #expect(all.count >= 850)
        #expect(all.filter(\.isDeprecated).count >= 190)
        #expect(all.filter(\.isTemplate).count >= 40)
        #expect(Set(all.map(\.name)).count == all.count)
        #expect(all.map(\.name) == all.map(\.name).sorted())
        let current = SemanticConventions.currentNames
        #expect(current.count == all.filter { !$0.isDeprecated }.count)
        #expect(current.allSatisfy { SemanticConventions.attribute($0)?.isDeprecated == false })
        for attribute in all {
            #expect(SemanticConventions.attribute(attribute.name) == attribute)
            #expect(attribute.isDeprecated || attribute.replacement == nil, "\(attribute.name)")
            if let replacement = attribute.replacement {
                #expect(SemanticConventions.attribute(replacement) != nil, "\(attribute.name) -> \(replacement)")
            }
        }
    }
}
