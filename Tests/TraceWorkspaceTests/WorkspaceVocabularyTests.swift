import Synchronization
import Testing
import BackendTestSupport
import TestSupport
import TraceModel
import TraceQuery
import TraceStore
@testable import TraceWorkspace

/// The filter's completion vocabulary: a bounded sample of the local traces (keys by scope,
/// string values most frequent first), the listing's services and root names, and the
/// backends' names and values merged, a failing backend skipped and said.
@Suite struct WorkspaceVocabularyTests {
    /// `count` one-span traces, a minute apart: service `svc-(i % 3)`, a span key of its own
    /// (`key.i`), `http.route` cycling through three routes (`/a` most often), an integer, and a
    /// resource `host.name`.
    static func traces(_ count: Int) -> SpanTable {
        var f = TraceFixture()
        for i in 0..<count {
            f.inTrace("t\(i)")
            let route = ["/a", "/a", "/a", "/b", "/b", "/c"][i % 6]
            f.span("s\(i)", service: "svc-\(i % 3)", name: "GET \(route)", start: Int64(i) * 60_000, end: Int64(i) * 60_000 + 5,
                   kind: .server, attributes: ["key.\(i)": .string("v"), "http.route": .string(route), "http.status_code": .int(200)],
                   resource: ["host.name": .string("host-\(i % 2)")])
        }
        return f.build()
    }

    static func workspace(_ table: SpanTable, backends: [any TraceSource] = []) -> Workspace {
        Workspace(sources: [TraceCatalog(table: table)] + backends)
    }

    @Test func namesAreTheIntrinsicsAndTheSampledKeysByScope() throws {
        let workspace = Self.workspace(Self.traces(12))
        let vocabulary = workspace.localVocabulary(listing: try workspace.listing())
        for name in ["duration", "name", "status", "kind", "statusMessage", "rootName", "rootServiceName", "traceDuration",
                     "span:duration", "resource.service.name", "span.http.route", "span.http.status_code",
                     "resource.host.name", "span.key.11"] {
            #expect(vocabulary.names.contains(name), "\(name)")
        }
        #expect(!vocabulary.names.contains("http.route"))   // always scoped
        #expect(vocabulary.names == vocabulary.names.sorted())
        #expect(Set(vocabulary.names).count == vocabulary.names.count)
        #expect(vocabulary.failures.isEmpty)
    }

    @Test func valuesAreStringsMostFrequentFirstAndUnscopedFieldsHaveBoth() throws {
        let workspace = Self.workspace(Self.traces(12))
        let vocabulary = workspace.localVocabulary(listing: try workspace.listing())
        #expect(vocabulary.values(for: Field(written: "span.http.route")!) == ["/a", "/b", "/c"])
        #expect(vocabulary.values(for: Field(written: "resource.host.name")!) == ["host-0", "host-1"])
        // Unscoped: the span's values and the resource's.
        #expect(vocabulary.values(for: Field(written: "http.route")!) == ["/a", "/b", "/c"])
        #expect(vocabulary.values(for: Field(written: "host.name")!) == ["host-0", "host-1"])
        // Integers are not offered as strings.
        #expect(vocabulary.values(for: Field(written: "span.http.status_code")!).isEmpty)
        // The service, however written, from the listing and the resources.
        for written in ["service.name", "resource.service.name", "service", "rootServiceName"] {
            #expect(Set(vocabulary.values(for: Field(written: written)!)) == ["svc-0", "svc-1", "svc-2"], "\(written)")
        }
        #expect(vocabulary.values(for: Field(written: "name")!) == ["GET /a", "GET /b", "GET /c"])
        #expect(vocabulary.values(for: Field(written: "rootName")!) == ["GET /a", "GET /b", "GET /c"])
        #expect(vocabulary.values(for: Field(written: "status")!) == ["unset", "ok", "error"])
        #expect(vocabulary.values(for: Field(written: "trace:problem")!).contains("clock-skew"))
    }

    @Test func theSampleIsBoundedInTracesSpansAndValues() throws {
        let workspace = Self.workspace(Self.traces(1_000))
        var limits = VocabularyLimits()
        limits.traces = 10
        limits.valuesPerField = 2
        let vocabulary = workspace.localVocabulary(listing: try workspace.listing(), limits: limits)
        let sampledKeys = vocabulary.names.filter { $0.hasPrefix("span.key.") }
        #expect(sampledKeys.count == 10)
        // Spread over the listing, not the first ten.
        #expect(sampledKeys.contains("span.key.900"))
        #expect(vocabulary.values(for: Field(written: "span.http.route")!) == ["/a", "/b"])

        // A trace too large for the span budget is left out; the smaller ones are taken.
        var f = TraceFixture(trace: "huge")
        for i in 0..<100 { f.span("h\(i)", start: Int64(i), end: Int64(i) + 1, attributes: ["only.in.huge": .string("x")]) }
        let big = Self.workspace(SpanTable.merging([f.build(), Self.traces(3)]))
        var small = VocabularyLimits()
        small.spans = 50
        let bounded = big.localVocabulary(listing: try big.listing(), limits: small)
        #expect(!bounded.names.contains("span.only.in.huge"))
        #expect(bounded.names.contains("span.key.2"))
        #expect(Workspace.sampled(try big.listing(), small).count == 3)
    }

    @Test func distinctValuesCountedAreBounded() {
        var limits = VocabularyLimits()
        limits.distinctCounted = 3
        limits.longestValue = 5
        var sample = VocabularySample(limits: limits)
        let field = Field.attribute(.span, "id")
        for value in ["a", "b", "c", "d", "e", "a", "toolong"] { sample.count(value, of: field) }
        #expect(sample.values[field] == ["a", "b", "c"])
    }

    @Test func backendsNamesJoinAndAFailingBackendIsSkippedAndSaid() throws {
        let stub = StubBackend(names: ["span.db.system", "resource.k8s.pod.name", "name", "span.http.route"],
                               values: ["resource.service.name": ["remote-svc", "svc-0"], ".http.route": ["/remote"]])
        let broken = StubBackend(name: "Broken", failure: "connection refused")
        let workspace = Self.workspace(Self.traces(6), backends: [stub, broken])
        let vocabulary = workspace.filterVocabulary(listing: try workspace.listing())
        #expect(vocabulary.names.contains("span.db.system"))
        #expect(vocabulary.names.contains("resource.k8s.pod.name"))
        #expect(vocabulary.names.contains("resource.host.name"))
        #expect(vocabulary.names.filter { $0 == "name" || $0 == "span.http.route" }.count == 2)
        #expect(vocabulary.failures == ["Broken: connection refused"])

        let services = workspace.completionValues(of: Field(written: "service.name")!, local: vocabulary)
        #expect(services.values.prefix(3).sorted() == ["svc-0", "svc-1", "svc-2"])   // local first
        #expect(services.values.last == "remote-svc")
        #expect(services.values.count == 4)   // svc-0 once
        #expect(services.failures == ["Broken: connection refused"])
        #expect(stub.askedValues.withLock { $0 } == ["resource.service.name"])

        let routes = workspace.completionValues(of: Field(written: "http.route")!, local: vocabulary)
        #expect(routes.values == ["/a", "/b", "/c", "/remote"])
    }

    @Test func backendNamesAreTraceQLs() {
        #expect(Workspace.backendName(of: Field(written: "service.name")!) == "resource.service.name")
        #expect(Workspace.backendName(of: Field(written: "Name")!) == "name")
        #expect(Workspace.backendName(of: Field(written: "rootServiceName")!) == "rootServiceName")
        #expect(Workspace.backendName(of: Field(written: "span.http.route")!) == "span.http.route")
        #expect(Workspace.backendName(of: Field(written: "resource.host.name")!) == "resource.host.name")
        #expect(Workspace.backendName(of: Field(written: "http.route")!) == ".http.route")
    }
}
