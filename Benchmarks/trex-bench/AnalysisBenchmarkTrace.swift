import TraceModel

/// A synthetic trace for the analysis benchmark: one request of `spanCount` spans, deep and
/// wide, built straight into a `SpanTableBuilder`.
///
/// Shape: every SERVER span calls 3 other services in parallel (15 on every tenth: a wide
/// fan-out), each call answered by a SERVER span on the callee's host, which is expanded in
/// turn; every fourth server also runs 6 sequential database lookups differing only in a
/// literal (N+1) and two internal steps; one branch holds a 20,000-deep chain. 24 services on
/// 12 hosts, three of them with skewed clocks (+3 ms, -4 ms, +20 ms). Deterministic (SplitMix64):
/// the same `seed` gives the same trace; another seed another request of the same kind (the
/// callees and timings differ, so the paths part early). A `jitterSeed` keeps the seed's spans
/// and paths and records each span up to 20% longer than it ran (the structure is drawn from the
/// true times): the same request served more slowly here and there, as the compare benchmark
/// needs.
enum AnalysisBenchmarkTrace {
    static func build(spanCount target: Int, seed: UInt64 = 42, jitterSeed: UInt64? = nil) -> SpanTable {
        var b = SpanTableBuilder()
        let traceID = TraceID(high: 0x0123_4567_89ab_cdef, low: 0xfedc_ba98_7654_3210)
        let serviceCount = 24
        let hostSkew: [Int64] = [0, 0, 0, 3_000_000, 0, -4_000_000, 0, 0, 0, 20_000_000, 0, 0]
        var resources: [UInt32] = []
        for s in 0..<serviceCount {
            let range = b.appendAttributes([
                KeyValue("service.name", .string("svc-\(s)")),
                KeyValue("host.name", .string("host-\(s % hostSkew.count)")),
            ])
            resources.append(b.addResource(attributes: range))
        }
        let names = ["handle", "call", "SELECT", "step", "chain"].map { b.intern($0) }
        let statementKey = b.intern("db.statement")
        let systemKey = b.intern("db.system")
        let postgres = b.intern("postgresql")
        var rng = SplitMix64(seed: seed)
        var nextID: UInt64 = 1
        let base: Int64 = 1_700_000_000_000_000_000

        struct Pending {
            var id: UInt64
            var service: Int
            var start: Int64   // true (unskewed) times
            var end: Int64
            var depth: Int
        }

        var jitter = jitterSeed.map { SplitMix64(seed: $0) }
        func append(_ id: UInt64, parent: UInt64, service: Int, name: StringID, kind: SpanKind,
                    start: Int64, end: Int64, attributes: ElementRange = .empty) {
            let skew = hostSkew[service % hostSkew.count]
            var stretch: Int64 = 0
            if jitter != nil { stretch = Int64(jitter!.next() % UInt64(max(0, end - start) / 5 + 1)) }
            b.append(Span(traceID: traceID, spanID: SpanID(id), parentSpanID: SpanID(parent), name: name, kind: kind,
                          start: Timestamp(unixNanos: base + start + skew),
                          end: Timestamp(unixNanos: base + end + stretch + skew),
                          resource: resources[service], attributes: attributes))
        }

        var count = 0
        // Breadth first: a queue walked by `head`.
        var queue: [Pending] = [Pending(id: nextID, service: 0, start: 0, end: 60_000_000_000, depth: 0)]
        var head = 0
        append(nextID, parent: 0, service: 0, name: names[0], kind: .server, start: 0, end: 60_000_000_000)
        nextID += 1
        count += 1
        var deepChainDone = false
        var expanded = 0

        while count < target, head < queue.count {
            let node = queue[head]
            head += 1
            expanded += 1
            let span = node.end - node.start
            guard span > 1_000 else { continue }
            // Parallel calls to other services.
            let fan = expanded % 10 == 0 ? 15 : 3
            for _ in 0..<fan where count + 2 <= target {
                let callee = Int(rng.next() % UInt64(serviceCount))
                let s = node.start + Int64(rng.next() % UInt64(span / 20 + 1))
                let e = s + span / 4 + Int64(rng.next() % UInt64(span / 2 + 1))
                let clientEnd = min(e, node.end - 1)
                guard clientEnd > s + 100 else { continue }
                let client = nextID
                append(client, parent: node.id, service: node.service, name: names[1], kind: .client, start: s, end: clientEnd)
                let server = nextID + 1
                let latency = (clientEnd - s) / 20
                append(server, parent: client, service: callee, name: names[0], kind: .server,
                       start: s + latency, end: clientEnd - latency)
                nextID += 2
                count += 2
                queue.append(Pending(id: server, service: callee, start: s + latency, end: clientEnd - latency,
                                     depth: node.depth + 1))
            }
            // Sequential database lookups (N+1) and internal steps.
            if expanded % 4 == 0 {
                let slot = span / 10
                for k in 0..<6 where count < target {
                    let s = node.start + Int64(k) * slot
                    let mark = b.attributeMark
                    b.appendString(systemKey, postgres)
                    b.appendString(statementKey, b.intern("SELECT * FROM items WHERE id = \(rng.next() % 100_000)"))
                    append(nextID, parent: node.id, service: node.service, name: names[2], kind: .client,
                           start: s, end: s + slot * 9 / 10, attributes: b.attributes(since: mark))
                    nextID += 1
                    count += 1
                }
            }
            for k in 0..<2 where count < target {
                let s = node.start + span * Int64(6 + 2 * k) / 10
                append(nextID, parent: node.id, service: node.service, name: names[3], kind: .internal,
                       start: s, end: s + span / 10)
                nextID += 1
                count += 1
            }
            // One deep chain.
            if !deepChainDone, node.depth == 3 {
                deepChainDone = true
                var parent = node.id
                let step = max(1, span / 50_000)
                for k in 0..<20_000 where count < target {
                    let s = node.start + Int64(k) * step
                    append(nextID, parent: parent, service: node.service, name: names[4], kind: .internal,
                           start: s, end: node.end - Int64(k) * step)
                    parent = nextID
                    nextID += 1
                    count += 1
                }
            }
        }
        return b.finish()
    }
}
