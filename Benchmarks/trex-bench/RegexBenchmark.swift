import TraceModel
import TraceQuery

/// Patterns that take a backtracking engine exponential or polynomial time, on long texts:
/// `(a+)+$` against a 50,000-character name and `.*.*.*c` against 20,000 characters, each as a
/// bare RE2 match (`LinearRegex`) and as a whole query (parse, check, compile, run) over a trace
/// holding that name. Target: each well under 100 ms.
enum RegexBenchmark {
    static let target = 100.0   // ms

    static let cases: [(pattern: String, text: String, label: String)] = [
        ("(a+)+$", String(repeating: "a", count: 50_000) + "!", "50,000 a's and a !"),
        (".*.*.*c", String(repeating: "x", count: 20_000), "20,000 x's"),
        ("(x+x+)+y", String(repeating: "x", count: 50_000), "50,000 x's"),
    ]

    static func run(_ options: [String]) {
        let runs = options.contains("--quick") ? 2 : 5
        for c in cases {
            guard let regex = try? LinearRegex(c.pattern) else { print("  \(c.pattern): refused"); continue }
            var matched = false
            // Compiled afresh each run, so the DFA starts cold, as for a new query.
            let cold = best(of: runs) { matched = (try? LinearRegex(c.pattern))?.matches(c.text) ?? false }
            let bare = best(of: runs) { matched = regex.matches(c.text) }
            let table = oneSpan(named: c.text)
            let text = "{ name =~ \(QueryPrinter.quote(c.pattern)) }"
            var traces = -1
            let whole = best(of: runs) {
                guard let query = try? Query.parse(text) else { return }
                traces = QueryEngine.run(query, on: table).count
            }
            let worst = max(cold, bare, whole)
            print("  \(c.pattern) on \(c.label): compile+match \(Bench.fixed(cold, 3)) ms, match \(Bench.fixed(bare, 3)) ms "
                  + "(\(matched ? "matches" : "no match")), "
                  + "query \(Bench.fixed(whole, 3)) ms (\(traces) traces)  (target < \(Int(target)) ms: "
                  + (worst < target ? "met)" : "MISSED)"))
        }
    }

    /// The best time of some runs, in milliseconds.
    static func best(of runs: Int, _ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<runs {
            let (_, elapsed) = Bench.time(body)
            best = min(best, Bench.milliseconds(elapsed))
        }
        return best
    }

    /// One trace of one span with this name.
    static func oneSpan(named name: String) -> SpanTable {
        var b = SpanTableBuilder()
        let resource = b.addResource(attributes: b.appendAttributes([KeyValue("service.name", .string("svc"))]))
        let start: Int64 = 1_700_000_000_000_000_000
        b.append(Span(traceID: TraceID(high: 1, low: 2), spanID: SpanID(3), parentSpanID: .zero, name: b.intern(name),
                      kind: .internal, start: Timestamp(unixNanos: start), end: Timestamp(unixNanos: start + 1_000_000),
                      resource: resource, status: .unset, attributes: b.attributes(since: b.attributeMark)))
        return b.finish()
    }
}
