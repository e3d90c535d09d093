import Foundation
import Testing
import TraceModel
@testable import TraceFormats

/// docs/samples, written by scripts/gen-samples.py: every file loads cleanly, and the primer's
/// queries find what they are meant to find, in every format.
@Suite struct DocsSampleTests {
    static let formats = ["otlp", "otlp-jsonl", "jaeger", "zipkin"]

    /// Every file of one format folder decoded into one table.
    private func load(_ folder: String) throws -> SpanTable {
        var b = SpanTableBuilder()
        let dir = Paths.docsSamples.appendingPathComponent(folder)
        let files = Paths.files(under: dir)
        #expect(!files.isEmpty)
        for name in files {
            let report = try TraceDecoder.decode(try Paths.read(dir.appendingPathComponent(name)), source: name, into: &b)
            #expect(report.warnings.isEmpty, "\(folder)/\(name): \(report.warnings)")
            #expect(report.spansSkipped == 0)
        }
        return b.finish()
    }

    private func number(_ v: AttributeValue?) -> Int64? {
        switch v {
        case .int(let i)?: return i
        case .string(let s)?: return Int64(s)
        default: return nil
        }
    }

    @Test(arguments: formats)
    func everyFormatHoldsTheSixScenarios(_ folder: String) throws {
        let t = try load(folder)
        #expect(t.traces.count == 6)
        let roots = Set(t.allTraces.map { TraceSummary($0) }.map { t.strings[$0.rootName].lowercased() })
        #expect(roots.isSuperset(of: ["get /checkout", "post /login", "post /api/orders", "get /api/orders/history",
                                      "get /api/quote", "post /api/checkout"]))
    }

    @Test(arguments: formats)
    func thePrimersQueriesFindSomething(_ folder: String) throws {
        let t = try load(folder)
        // Duration > 5s AND service.name = "checkout"
        let long = t.allTraces.filter { trace in
            TraceSummary(trace).duration > .seconds(5) && trace.spans.contains { t.serviceName(of: $0) == "checkout" }
        }
        #expect(long.count == 1)
        // Status = ERROR AND span.name = "database.query"
        #expect(t.spans.filter { $0.status == .error && t.name(of: $0) == "database.query" }.count == 3)
        // user.id = "12345" AND http.status_code >= 400
        let failed = t.spans.filter {
            t.attribute("user.id", of: $0) == .string("12345") && (number(t.attribute("http.status_code", of: $0)) ?? 0) >= 400
        }
        #expect(failed.count >= 4)
    }

    @Test(arguments: formats)
    func theScenariosHaveTheirShapes(_ folder: String) throws {
        let t = try load(folder)
        // The slow external payment call: about 780 ms of a trace of about 1.2 s.
        let gateway = try #require(t.spans.first { t.name(of: $0).lowercased().hasPrefix("post https://api.payments.example") })
        #expect(gateway.duration == .milliseconds(780))
        let checkout = t.trace(at: t.traceIndex(of: gateway.traceID)!)
        #expect(TraceSummary(checkout).duration == .milliseconds(1210))
        #expect(Set(checkout.spans.map { t.serviceName(of: $0) }) == ["frontend", "checkout", "cart", "inventory", "payment"])
        // N+1: 30 identical queries in a row.
        let items = t.spans.filter { t.attribute("db.statement", of: $0) == .string("SELECT * FROM order_items WHERE order_id = $1") }
        #expect(items.count == 30)
        #expect(Set(items.map(\.parentSpanID)).count == 1)
        // Clock skew: a server span starts before the client span that called it.
        let skewed = t.spans.filter { s in
            s.kind == .server && t.spans.contains { $0.spanID == s.parentSpanID && $0.kind == .client && $0.start > s.start }
        }
        #expect(skewed.count == 1)
        // The async hop: a consumer whose producer ended before it started.
        let consumer = try #require(t.spans.first { $0.kind == .consumer })
        let producer = try #require(t.spans.first { $0.spanID == consumer.parentSpanID })
        #expect(producer.kind == .producer)
        #expect(producer.end < consumer.start)
        #expect(consumer.markers.contains(.followsFrom) == (folder == "jaeger"))
        // Retries: three failed attempts from the frontend to auth-service.
        let attempts = t.spans.filter { $0.kind == .client && t.name(of: $0).lowercased() == "post /auth/token" }
        #expect(attempts.count == 3)
        #expect(attempts.allSatisfy { $0.status == .error })
    }

    @Test func zipkinCopiesShareRPCSpanIDsAndAreSplit() throws {
        let t = try load("zipkin")
        let servers = t.spans.filter { $0.markers.contains(.sharedServerHalf) }
        #expect(servers.count >= 10)
        #expect(Set(t.spans.map { $0.spanID }).count == t.spans.count)
    }

    @Test func theWholeFolderListsEveryCopySeparately() throws {
        var b = SpanTableBuilder()
        var gzipped = 0
        for name in Paths.files(under: Paths.docsSamples) {
            let report = try TraceDecoder.decode(try Paths.read(Paths.docsSamples.appendingPathComponent(name)), source: name, into: &b)
            if report.gzipped { gzipped += 1 }
        }
        #expect(gzipped == 1)
        #expect(b.finish().traces.count == 24)
    }
}
