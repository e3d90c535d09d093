import TraceModel

/// Traces whose times sit at the edges of what the formats can carry, for the property tests
/// that prove no time makes trex trap: `Int64.min`/`max`, zero, ±1, the issue's ±9e18 span,
/// ends before starts, and random 64-bit values, from a seeded generator.
public enum ExtremeTimes {
    /// The special values every generated time is drawn from half of the time.
    public static let specials: [Int64] = [
        .min, .min + 1, -9_000_000_000_000_000_000, -1, 0, 1, 9_000_000_000_000_000_000, .max - 1, .max,
        TraceFixture.origin,
    ]

    /// The issue's trace: a root from -9e18 to 9e18 ns, and a child from Int64.max to 1 with an
    /// event at Int64.min.
    public static func issueTrace() -> SpanTable {
        var f = TraceFixture(trace: "edges")
        f.span("root", service: "edge", at: Timestamp(unixNanos: -9_000_000_000_000_000_000),
               until: Timestamp(unixNanos: 9_000_000_000_000_000_000), kind: .server)
        f.span("child", parent: "root", service: "edge", at: Timestamp(unixNanos: .max), until: Timestamp(unixNanos: 1),
               kind: .client, events: [(Timestamp(unixNanos: .min), "e")])
        return f.build()
    }

    /// One extreme or random time.
    public static func time(_ rng: inout SplitMix64) -> Int64 {
        switch rng.next() % 4 {
        case 0, 1: return specials[Int(rng.next() % UInt64(specials.count))]
        case 2: return Int64(bitPattern: rng.next())
        default:
            // Near another special value, so sums and differences cross the edges.
            let base = specials[Int(rng.next() % UInt64(specials.count))]
            return base &+ Int64(rng.next() % 2_000_001) &- 1_000_000
        }
    }

    /// A random trace of `spans` spans (at least 1) with extreme times: a tree with orphans,
    /// several services on several hosts (so clock-skew analysis runs), client/server pairs,
    /// sequential same-named calls (so N+1 detection runs), errors and events.
    public static func randomTrace(_ rng: inout SplitMix64, spans: Int, trace: String = "extreme") -> SpanTable {
        var f = TraceFixture(trace: trace)
        let services = ["api", "db", "auth"]
        let kinds: [SpanKind] = [.server, .client, .internal, .producer, .consumer]
        for i in 0..<max(1, spans) {
            let parent: String?
            switch i == 0 ? 0 : rng.next() % 8 {
            case 0: parent = nil
            case 1: parent = "missing-\(rng.next() % 3)"
            default: parent = "s\(rng.next() % UInt64(i))"
            }
            let service = services[Int(rng.next() % 3)]
            var start = time(&rng)
            var end = time(&rng)
            if rng.next() % 2 == 0, start > end { swap(&start, &end) }
            let events = (0..<Int(rng.next() % 3)).map { _ in (Timestamp(unixNanos: time(&rng)), "event") }
            f.span("s\(i)", parent: parent, service: service, name: rng.next() % 3 == 0 ? "SELECT 1" : "op\(i % 4)",
                   at: Timestamp(unixNanos: start), until: Timestamp(unixNanos: end),
                   kind: kinds[Int(rng.next() % UInt64(kinds.count))], status: rng.next() % 5 == 0 ? .error : .unset,
                   attributes: rng.next() % 2 == 0 ? ["db.statement": .string("SELECT * FROM t WHERE id = 1")] : [:],
                   resource: ["host.name": .string("host-\(service)")], events: events)
        }
        return f.build()
    }
}
