import ExplorerUI
import Foundation
import TerminalCore
import TraceModel
import TraceStore

/// The latency screen (`L`) on 100,000 traces at 160x50, as the explorer draws it: each key
/// (the cursor moving, a rectangle stretching) handled and the frame redrawn and diffed, in the
/// scatter and the heatmap, on the log and the linear axis. Target: a redraw under 20 ms.
///
/// The traces are one to three spans each, over an hour with three bursts, durations
/// log-normal around 80 ms with a slow tail (1% twenty times slower), 2% failing; the plot is
/// built from their `TraceListing`, as in the explorer (no span is read).
enum LatencyBenchmark {
    static func run(_ options: [String]) {
        let count = Bench.option("--traces", in: options) ?? 100_000
        let table = traces(count)
        let catalog = TraceCatalog(table: table)
        let app = ExplorerApp(catalog: catalog, report: LoadReport(sources: ["memory"], messages: [], spansSkipped: 0, seconds: 0))
        app.screenSize = UIBenchmark.size
        var first = Frame(size: UIBenchmark.size)
        app.render(&first, capabilities: UIBenchmark.capabilities)
        print("  \(count) traces (\(table.spans.count) spans), \(UIBenchmark.size.width)x\(UIBenchmark.size.height):")

        // Opening: the points from the listing, the layout, the first frame.
        let opening = UIBenchmark.timeKeys([.char("L")], on: app)[0]
        print("  opening (points, layout, first frame): \(Bench.fixed(opening, 1)) ms")

        let moves: [Key] = Array(repeating: .char("l"), count: 60) + Array(repeating: .char("k"), count: 30)
            + Array(repeating: .char("h"), count: 40) + Array(repeating: .char("j"), count: 20) + Array(repeating: .char("l"), count: 50)
        for (name, switchKey) in [("scatter, log", nil), ("heatmap, log", Key.tab), ("heatmap, linear", Key.char("a")),
                                  ("scatter, linear", Key.tab)] as [(String, Key?)] {
            if let switchKey {
                let switching = UIBenchmark.timeKeys([switchKey], on: app)[0]
                print("  switching to \(name): \(Bench.fixed(switching, 2)) ms"
                      + (switchKey == .char("a") ? " (a new layout: every trace placed again)" : ""))
            }
            let times = UIBenchmark.timeKeys(moves, on: app)
            let p99 = Bench.percentile(99, times)
            print("  \(name): key to redrawn frame median \(Bench.fixed(Bench.percentile(50, times), 2)) ms, "
                  + "p99 \(Bench.fixed(p99, 2)) ms over \(times.count) keys (target < 20 ms: \(Bench.verdict(p99 < 20)))")
        }

        // A resize lays the plot out again (every trace placed), then draws.
        var resizes: [Double] = []
        for i in 0..<10 {
            let size = Size(width: UIBenchmark.size.width - i % 2, height: UIBenchmark.size.height)
            let (_, elapsed) = Bench.time {
                _ = app.handle(.input(.resize(size)))
                var frame = Frame(size: size)
                app.render(&frame, capabilities: UIBenchmark.capabilities)
            }
            resizes.append(Bench.milliseconds(elapsed))
        }
        _ = app.handle(.input(.resize(UIBenchmark.size)))
        print("  a resize (a new layout, then the frame): median \(Bench.fixed(Bench.percentile(50, resizes.sorted()), 1)) ms")

        // A rectangle listed: the list's rows and its p95 line computed again; then browsing it; then \\.
        let stretch = UIBenchmark.timeKeys([.char("v")] + Array(repeating: .char("h"), count: 100)
                                           + Array(repeating: .char("j"), count: 50), on: app)
        let listing = UIBenchmark.timeKeys([.enter], on: app)[0]
        var frame = Frame(size: UIBenchmark.size)
        app.render(&frame, capabilities: UIBenchmark.capabilities)
        let listed = frame.buffer.lineText(UIBenchmark.size.height - 2).split(separator: " ").first ?? "?"
        print("  Enter on a rectangle (stretched in \(Bench.fixed(Bench.percentile(99, stretch), 2)) ms p99 a key): "
              + "the list restricted to its \(listed) traces and its p95 line computed: \(Bench.fixed(listing, 1)) ms")
        let keys = UIBenchmark.timeKeys(Array(repeating: .char("j"), count: 200), on: app)
        print("  the trace list under its p95 line: keypress median \(Bench.fixed(Bench.percentile(50, keys), 2)) ms, "
              + "p99 \(Bench.fixed(Bench.percentile(99, keys), 2)) ms")
        let clearing = UIBenchmark.timeKeys([.char("\\")], on: app)[0]
        print("  \\ (the selection cleared: all rows and the p95 line again): \(Bench.fixed(clearing, 1)) ms")
    }

    /// `count` traces of 1-3 spans over an hour.
    static func traces(_ count: Int) -> SpanTable {
        var b = SpanTableBuilder()
        let services = (0..<8).map {
            b.addResource(attributes: b.appendAttributes([KeyValue("service.name", .string("svc-\($0)"))]))
        }
        let names = (0..<20).map { b.intern("GET /api/endpoint/\($0)") }
        var rng = SplitMix64(seed: 15)
        func uniform() -> Double { Double(rng.next() >> 11) / Double(1 << 53) }
        func normal() -> Double { (-2 * log(max(uniform(), 1e-300))).squareRoot() * cos(2 * Double.pi * uniform()) }
        let base: Int64 = 1_700_000_000_000_000_000
        let hour = 3_600.0 * 1e9
        let bursts = [0.2, 0.55, 0.8].map { $0 * hour }
        for _ in 0..<count {
            let traceID = TraceID(high: rng.next(), low: rng.next())
            // 30% in a burst (a few minutes around its centre), the rest spread over the hour.
            let offset = uniform() < 0.3 ? bursts[Int(rng.next() % 3)] + normal() * 90e9 : uniform() * hour
            let start = base + Int64(min(max(0, offset), hour))
            var duration = exp(log(80e6) + 0.7 * normal())
            if uniform() < 0.01 { duration *= 20 }
            let failing = uniform() < 0.02
            let spans = 1 + Int(rng.next() % 3)
            for s in 0..<spans {
                let d = Int64(duration) / Int64(s + 1)
                b.append(Span(traceID: traceID, spanID: SpanID(UInt64(s + 1)), parentSpanID: s == 0 ? .zero : SpanID(1),
                              name: names[Int(rng.next() % 20)], kind: s == 0 ? .server : .client,
                              start: Timestamp(unixNanos: start + Int64(s) * 1000),
                              end: Timestamp(unixNanos: start + Int64(s) * 1000 + d),
                              resource: services[Int(rng.next() % 8)], status: failing && s == spans - 1 ? .error : .unset))
            }
        }
        return b.finish()
    }
}
