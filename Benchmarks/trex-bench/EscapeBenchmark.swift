import ExplorerUI
import TerminalCore

/// What showing untrusted text safely costs (issue 10): `VisibleEscapes` on the CLI's fields, in
/// the common case (nothing to escape: one byte scan, no allocation) and on hostile text, and the
/// trace list's keypress on 100,000 traces whose every name and service holds escape sequences.
enum EscapeBenchmark {
    static func run(_ options: [String]) {
        let fields = (0..<1_000).map { "GET /api/v2/orders/\($0) checkout-service·é" }
        let hostile = fields.map { "evil\u{1B}]0;PWNED\u{7}\u{1B}[2J\u{202E}" + $0 }
        let rounds = 1_000
        for (label, input) in [("plain fields (nothing to escape)", fields), ("hostile fields", hostile)] {
            var bytes = 0
            let (_, elapsed) = Bench.time {
                for _ in 0..<rounds {
                    for field in input { bytes &+= field.visiblyEscaped.utf8.count }
                }
            }
            let calls = Double(rounds * input.count)
            print("  \(label): \(Bench.fixed(Bench.seconds(elapsed) * 1e9 / calls, 1)) ns per field, "
                  + "\(Bench.fixed(Double(bytes) / Bench.seconds(elapsed) / 1e6, 0)) MB/s of output")
        }
        let traces = Bench.option("--traces", in: options) ?? 100_000
        let prefix = "evil\u{1B}]0;PWNED\u{7}\u{9B}\u{202E}"
        let (median, p99, worst, count, _) = UIBenchmark.keypresses(on: UIBenchmark.manyTraces(traces, prefix: prefix))
        print("  \(traces) hostile traces: keypress to redrawn frame median \(Bench.fixed(median, 2)) ms, p99 "
              + "\(Bench.fixed(p99, 2)) ms, max \(Bench.fixed(worst, 2)) ms over \(count) keys "
              + "(target < 5 ms: \(Bench.verdict(p99 < 5)))")
    }
}
