import TraceModel

/// Generates realistic synthetic traces for benchmarks, demos and crash tests: deterministic
/// (seeded), ~10 services with a few instances each, trees 3-6 levels deep, 10-15 attributes per
/// span (some high-cardinality: user ids, URLs, SQL), exception events on failing spans,
/// occasional links, about 2% errors. Timestamps are spread over the week before `end`.
public struct SyntheticTraces: Sendable {
    public var services: Int
    /// Average spans per trace (each trace has between half and 1.5 times as many).
    public var spansPerTrace: Int
    public var seed: UInt64
    /// The latest trace start.
    public var end: Timestamp

    public init(services: Int = 10, spansPerTrace: Int = 100, seed: UInt64 = 42,
                end: Timestamp = Timestamp(unixNanos: 1_750_000_000_000_000_000)) {
        self.services = max(1, services)
        self.spansPerTrace = max(2, spansPerTrace)
        self.seed = seed
        self.end = end
    }

    /// Tables of about `spansPerTable` spans each (whole traces), about `totalSpans` in all, generated
    /// lazily as the sequence is iterated. Trace `i` is the same whatever the table size.
    public func tables(totalSpans: Int, spansPerTable: Int = 100_000) -> AnySequence<SpanTable> {
        let traces = max(1, totalSpans / spansPerTrace)
        let perTable = max(1, spansPerTable / spansPerTrace)
        return AnySequence(stride(from: 0, to: traces, by: perTable).lazy.map { first in
            self.table(traces: first..<min(traces, first + perTable))
        })
    }

    /// One table holding the traces with the given indices. O(spans).
    public func table(traces: Range<Int>) -> SpanTable {
        var generator = Generator(config: self)
        for index in traces { generator.trace(index) }
        return generator.builder.finish()
    }

    /// Builds traces into one `SpanTableBuilder`.
    struct Generator {
        let config: SyntheticTraces
        var builder = SpanTableBuilder()
        var random = SplitMix64(seed: 0)
        let keys: [StringID]
        let routes: [StringID]
        let methods: [StringID]
        let regions: [StringID]
        let operations: [StringID]
        var resources: [[UInt32]] = []
        var scopes: [UInt32] = []
        let serviceNames: [String]

        init(config: SyntheticTraces) {
            self.config = config
            var b = SpanTableBuilder()
            keys = ["http.method", "http.route", "http.status_code", "http.url", "user.id", "net.peer.name",
                    "component", "thread.id", "sampling.priority", "request.size", "cache.hit", "region", "tenant.id",
                    "db.system", "db.statement", "retry.count", "latency.ratio", "exception.type",
                    "exception.message", "messaging.system"].map { b.intern($0) }
            routes = (0..<24).map { b.intern("/api/v\($0 % 3 + 1)/\(["orders", "users", "cart", "payments", "items", "search"][$0 % 6])/{id}") }
            methods = ["GET", "POST", "PUT", "DELETE"].map { b.intern($0) }
            regions = ["eu-west-1", "us-east-1", "ap-south-1"].map { b.intern($0) }
            operations = ["GET /checkout", "POST /orders", "GET /users/{id}", "database.query", "cache.get",
                          "publish order.created", "consume order.created", "render", "authorize", "charge card",
                          "compute shipping", "HTTP GET", "HTTP POST", "serialize", "validate"].map { b.intern($0) }
            let names = ["frontend", "checkout", "payment", "inventory", "shipping", "users", "auth", "search",
                         "notification", "recommendation", "cart", "pricing"]
            serviceNames = (0..<config.services).map { $0 < names.count ? names[$0] : "service-\($0)" }
            for (s, name) in serviceNames.enumerated() {
                var instances: [UInt32] = []
                for instance in 0..<3 {
                    let range = b.appendAttributes([
                        KeyValue("service.name", .string(name)),
                        KeyValue("service.version", .string("1.\(s).\(instance)")),
                        KeyValue("host.name", .string("\(name)-\(instance).prod.internal")),
                        KeyValue("k8s.pod.name", .string("\(name)-7d9f8b\(instance)-x\(s)")),
                        KeyValue("telemetry.sdk.language", .string(["go", "java", "python", "swift"][s % 4])),
                        KeyValue("deployment.environment", .string("production")),
                    ])
                    instances.append(b.addResource(attributes: range))
                }
                resources.append(instances)
            }
            for library in ["io.opentelemetry.http", "io.opentelemetry.sql", "io.opentelemetry.messaging"] {
                scopes.append(b.addScope(InstrumentationScope(name: b.intern(library), version: b.intern("2.3.0"))))
            }
            builder = b
        }

        mutating func trace(_ index: Int) {
            // A mixed seed per trace: seeds a fixed step apart would walk one shared sequence.
            var seeder = SplitMix64(seed: config.seed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
            random = SplitMix64(seed: seeder.next())
            let traceID = TraceID(high: random.next() | 1, low: random.next())
            let window: Int64 = 7 * 86_400 * 1_000_000_000
            let start = config.end.unixNanos - Int64(random.next() % UInt64(window))
            let count = config.spansPerTrace / 2 + Int(random.next() % UInt64(config.spansPerTrace + 1))
            // Parents are chosen among earlier spans, biased to recent ones: trees 3-6 deep.
            var ids: [SpanID] = []
            var starts: [Int64] = []
            var ends: [Int64] = []
            var depth: [Int] = []
            ids.reserveCapacity(count)
            let rootDuration = Int64(20_000_000 + random.next() % 2_000_000_000)
            for i in 0..<count {
                let id = SpanID(random.next() | 1)
                var parent = -1
                var s = start
                var e = start + rootDuration
                if i > 0 {
                    parent = Int(random.next() % UInt64(min(i, 8))) + max(0, i - 8)
                    while depth[parent] >= 5 { parent -= 1 }
                    let span = max(1, ends[parent] - starts[parent])
                    s = starts[parent] + Int64(random.next() % UInt64(span))
                    e = s + Int64(random.next() % UInt64(max(1, ends[parent] - s))) + 1
                }
                ids.append(id)
                starts.append(s)
                ends.append(e)
                depth.append(parent < 0 ? 0 : depth[parent] + 1)
                appendSpan(traceID: traceID, id: id, parent: parent < 0 ? .zero : ids[parent], start: s, end: e,
                           service: parent < 0 ? 0 : Int(random.next() % UInt64(config.services)),
                           isRoot: parent < 0, previous: i > 2 ? ids[i - 2] : nil)
            }
        }

        private mutating func appendSpan(traceID: TraceID, id: SpanID, parent: SpanID, start: Int64, end: Int64,
                                         service: Int, isRoot: Bool, previous: SpanID?) {
            let r = random.next()
            let isError = r % 50 == 0
            let isDB = !isRoot && r % 7 == 1
            let mark = builder.attributeMark
            builder.appendString(keys[0], methods[Int(r >> 8) % methods.count])
            builder.appendString(keys[1], routes[Int(r >> 12) % routes.count])
            builder.appendInt(keys[2], isError ? 500 : [200, 200, 200, 201, 204, 404][Int(r >> 16) % 6])
            builder.appendString(keys[3], builder.intern("https://shop.example.com/api/orders/\(random.next() % 1_000_000)"))
            builder.appendString(keys[4], builder.intern("user-\(random.next() % 100_000)"))
            builder.appendString(keys[5], builder.intern(serviceNames[(service + 1) % serviceNames.count] + ".internal"))
            builder.appendString(keys[6], methods[0])
            builder.appendInt(keys[7], Int64(r >> 20) % 64)
            builder.appendInt(keys[8], 1)
            builder.appendInt(keys[9], Int64(r >> 24) % 5_000_000_000)
            builder.appendBool(keys[10], r & 0x100 != 0)
            builder.appendString(keys[11], regions[Int(r >> 28) % regions.count])
            if r % 3 == 0 { builder.appendString(keys[12], builder.intern("tenant-\(r % 500)")) }
            if isDB {
                builder.appendString(keys[13], builder.intern("postgresql"))
                builder.appendString(keys[14], builder.intern("SELECT * FROM orders WHERE id = \(random.next() % 1_000_000)"))
            }
            if r % 11 == 0 { builder.appendDouble(keys[16], Double(r % 1000) / 997) }
            let attributes = builder.attributes(since: mark)
            let eventMark = builder.eventMark
            if isError {
                let eventAttributes = builder.appendAttributes([
                    KeyValue("exception.type", .string("TimeoutError")),
                    KeyValue("exception.message", .string("deadline exceeded after \(r % 5000) ms")),
                ])
                builder.append(SpanEvent(time: Timestamp(unixNanos: end - 1), name: builder.intern("exception"),
                                         attributes: eventAttributes))
            }
            let linkMark = builder.linkMark
            if let previous, r % 50 == 7 { builder.append(SpanLink(traceID: traceID, spanID: previous)) }
            let kind: SpanKind = isRoot ? .server : isDB ? .client : [.internal, .client, .server][Int(r >> 32) % 3]
            builder.append(Span(
                traceID: traceID, spanID: id, parentSpanID: parent,
                name: operations[isDB ? 3 : Int(r >> 36) % operations.count], kind: kind,
                start: Timestamp(unixNanos: start), end: Timestamp(unixNanos: end),
                resource: resources[service][Int(r >> 40) % 3], scope: scopes[isDB ? 1 : 0],
                status: isError ? .error : .unset,
                statusMessage: isError ? builder.intern("deadline exceeded") : .empty,
                attributes: attributes, events: builder.events(since: eventMark), links: builder.links(since: linkMark),
                flags: 1, markers: .hasFlags))
        }
    }
}
