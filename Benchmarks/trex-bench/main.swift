// trex-bench: release-mode benchmarks. Run `make bench` or
// `swift build -c release --product trex-bench && .build/release/trex-bench [NAME...]`.
// Each benchmark prints its figures and the targets they are measured against.

let benchmarks: [(name: String, summary: String, run: ([String]) -> Void)] = [
    ("parse", "decode synthetic OTLP JSON Lines: MB/s, spans/s, bytes per span", ParseBenchmark.run),
    ("list", "`trex list` on synthetic OTLP JSON Lines beside python3 json and jq", ListBenchmark.run),
    ("query", "a 5-clause query over 1,000,000 spans in memory", QueryBenchmark.run),
    ("regex", "(a+)+$ on a 50,000-character name, .*.*.*c on 20,000 characters (RE2)", RegexBenchmark.run),
    ("analysis", "critical path and diagnostics on a 1,000,000-span trace", AnalysisBenchmark.run),
    ("compare", "two 1,000,000-span traces folded by path and merged; a baseline median", CompareBenchmark.run),
    ("tui-open", "a 10 MB file to the explorer's first frame", UIBenchmark.runOpen),
    ("tui-keypress", "a keypress on a 100,000-trace list, redrawn", UIBenchmark.runKeypress),
    ("waterfall", "a 1,000,000-span waterfall: a frame, expand-all, collapse-all", UIBenchmark.runWaterfall),
    ("escape", "visible escapes on plain and hostile fields; a keypress on 100,000 hostile traces", EscapeBenchmark.run),
    ("store", "import 1,000,000 spans into the SQLite store: spans/s, bytes per span, lookups", StoreBenchmark.run),
    ("big-store", "a store (--spans, 1,000,000 by default): explorer first frame and RSS; list, stats, deps: time and RSS",
     BigStoreBenchmark.run),
    ("stats", "statistics of 1,000,000 spans (critical paths included); two halves compared", StatisticsBenchmark.run),
    ("lint-sample", "trex lint and the fitted trex sample plan over 1,000,000 realistic spans", LintSampleBenchmark.run),
    ("map", "the service map of 60 services: layout and drawing", ServiceMapBenchmark.run),
    ("latency", "the latency plot of 100,000 traces at 160x50: a redraw per key, scatter and heatmap, log and linear",
     LatencyBenchmark.run),
    ("ingest", "OTLP over loopback into the store, HTTP and gRPC, batches of 512 spans: spans/s, p99 latency",
     IngestBenchmark.run),
    ("remote", "a local Jaeger and Tempo: a search of 1,000 traces to the list; a 50,000-span trace by id to its waterfall",
     RemoteBenchmark.run),
]

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "store-explorer" {
    // The explorer half of `big-store`, run as a child process so its memory is its own.
    BigStoreBenchmark.runExplorer(Array(arguments.dropFirst()))
} else if arguments.contains("--help") || arguments.contains("-h") {
    print("usage: trex-bench [NAME...]   (all when none)")
    for b in benchmarks { print("  \(b.name + String(repeating: " ", count: max(1, 10 - b.name.count))) \(b.summary)") }
} else {
    let selected = arguments.filter { !$0.hasPrefix("-") }
    let options = arguments.filter { $0.hasPrefix("-") }
    for b in benchmarks where selected.isEmpty || selected.contains(b.name) {
        print("== \(b.name): \(b.summary)")
        b.run(options)
    }
}
