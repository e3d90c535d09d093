import Foundation
import TraceModel

/// Writes a synthetic but realistic OTLP JSON Lines file, as the OpenTelemetry collector's file
/// exporter does: one `ExportTraceServiceRequest` per line, spans grouped by service.
///
/// Realism: a dozen services with 6 resource attributes each; 10-16 attributes per span chosen by
/// span type (HTTP server, HTTP client, database, messaging, internal) with a mix of low- and
/// high-cardinality values (request ids, message ids, user ids); events (exceptions, cache
/// misses) on about one span in ten; about 3 % errors; trees both deep (chains of calls) and
/// wide (fan-outs); trace sizes from 1 to ~120 spans plus one trace of `giantTraceSpans` spans.
/// Deterministic for a seed. Used by `trex-bench parse`; reusable by any benchmark.
struct SyntheticOTLP {
    var spanCount: Int
    var seed: UInt64 = 0x7472_6578
    var giantTraceSpans = 20_000
    /// Spans per line at most (the collector batches; large traces span several lines).
    var spansPerLine = 200

    struct Summary {
        var spans = 0
        var traces = 0
        var lines = 0
        var bytes = 0
    }

    /// Writes the file, streaming through a small buffer. O(spans).
    func write(to path: String) throws -> Summary {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown)
        }
        defer { try? handle.close() }
        var state = Generator(seed: seed)
        var out = JSONBytes()
        var summary = Summary()
        var traceIndex = 0
        let giantAt = spanCount >= giantTraceSpans * 2 ? spanCount / 3 : -1
        while summary.spans < spanCount {
            var size = state.traceSize()
            if giantAt >= 0 && summary.spans >= giantAt && summary.spans - size < giantAt { size = giantTraceSpans }
            size = min(size, spanCount - summary.spans)
            let trace = state.makeTrace(spans: size, index: traceIndex)
            summary.lines += state.writeLines(trace, spansPerLine: spansPerLine, into: &out)
            summary.spans += size
            summary.traces += 1
            traceIndex += 1
            if out.bytes.count > 4 << 20 {
                try handle.write(contentsOf: out.bytes)
                summary.bytes += out.bytes.count
                out.bytes.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: out.bytes)
        summary.bytes += out.bytes.count
        return summary
    }
}

// MARK: - Spans

extension SyntheticOTLP {
    enum SpanType: Int { case server, client, database, producer, consumer, `internal` }

    struct SyntheticSpan {
        var id: UInt64
        var parent: UInt64
        var service: Int
        var type: SpanType
        var start: Int64
        var end: Int64
        var error: Bool
        var depth: Int
    }

    struct SyntheticTrace {
        var high: UInt64
        var low: UInt64
        var spans: [SyntheticSpan]
    }

    static let services = ["frontend", "checkout", "cart", "inventory", "payment", "auth-service", "shipping",
                           "recommendation", "email", "currency", "ad-service", "fraud-detection"]
    static let routes = ["/api/orders/{id}", "/api/cart", "/api/checkout", "/api/products/{id}", "/api/login",
                         "/api/users/{id}/profile", "/api/shipping/quote", "/api/recommendations", "/healthz"]
    static let methods = ["GET", "GET", "GET", "POST", "PUT", "DELETE"]
    static let tables = ["orders", "order_items", "products", "users", "sessions", "inventory", "payments"]
    static let operations = ["SELECT", "SELECT", "SELECT", "INSERT", "UPDATE"]
    static let functions = ["handleRequest", "loadOrder", "priceCart", "reserveStock", "chargeCard", "renderPage",
                            "validateToken", "computeQuote", "serialize", "fetchRates"]
    static let topics = ["orders.created", "payments.settled", "emails.outbox", "inventory.updates"]
    static let errors = ["connection reset by peer", "deadline exceeded", "upstream returned 503",
                         "duplicate key value violates unique constraint", "token expired"]
}

/// The random walk that makes traces: a SplitMix64 generator and the writing helpers.
struct Generator {
    private var random: SplitMix64
    private var clock: Int64 = 1_700_000_000_000_000_000

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { random.next() }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// Trace sizes: mostly small, a long tail up to ~120.
    mutating func traceSize() -> Int {
        let r = below(100)
        if r < 15 { return 1 + below(5) }
        if r < 75 { return 10 + below(30) }
        return 40 + below(80)
    }

    mutating func makeTrace(spans count: Int, index: Int) -> SyntheticOTLP.SyntheticTrace {
        clock += Int64(1_000_000 + below(50_000_000))
        let rootDuration = Int64(5_000_000 + below(900_000_000))
        var spans: [SyntheticOTLP.SyntheticSpan] = []
        spans.reserveCapacity(count)
        spans.append(.init(id: next() | 1, parent: 0, service: 0, type: .server, start: clock, end: clock + rootDuration,
                           error: chance(3), depth: 0))
        for _ in 1..<max(count, 1) {
            // Deep: continue from the latest span; wide: fan out from a random earlier one.
            let p: Int
            let r = below(100)
            if r < 45 && spans[spans.count - 1].depth < 40 { p = spans.count - 1 }
            else if r < 60 { p = 0 }
            else { p = below(spans.count) }
            let parent = spans[p]
            let type: SyntheticOTLP.SpanType
            var service = parent.service
            switch parent.type {
            case .client:
                type = .server
                service = 1 + below(SyntheticOTLP.services.count - 1)
            case .producer:
                type = .consumer
                service = 1 + below(SyntheticOTLP.services.count - 1)
            default:
                let t = below(100)
                type = t < 35 ? .client : t < 65 ? .database : t < 70 ? .producer : .internal
            }
            let span = max(parent.end - parent.start, 2)
            let start = parent.start + Int64(below(Int(span * 6 / 10)))
            let duration = max(1000, Int64(below(Int(max(span * 4 / 10, 2)))))
            spans.append(.init(id: next() | 1, parent: parent.id, service: service, type: type, start: start,
                               end: start + duration, error: chance(3), depth: parent.depth + 1))
        }
        return .init(high: next(), low: next() | 1, spans: spans)
    }
}
