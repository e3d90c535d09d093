import ExplorerUI
import Foundation
import TerminalCore
import TraceModel
import TraceStore
import TraceWorkspace

/// A store of any size opens at once (issue 11): a realistic 1,000,000-span store (SyntheticOTLP:
/// 10-16 attributes per span, a dozen services, events, errors) imported with the real `trex
/// import`, then, each in a process of its own so that its peak memory is its own:
///
/// - the explorer on the store (`store-explorer`, this benchmark run as a child): the first
///   frame of the trace list (target < 300 ms), browsing the list (keypresses), a filter that
///   the store's pushdown narrows, opening a trace, and resident memory (target < 100 MB);
/// - `trex list --store`, `trex stats --store` and `trex deps --store`: time and peak RSS
///   (bounded by a batch, not proportional to the store).
///
/// Options: `--spans=N` (default 1,000,000); `--store=PATH` to measure an existing store;
/// `--keep` keeps the store it builds.
enum BigStoreBenchmark {
    static func run(_ options: [String]) {
        let spans = Bench.option("--spans", in: options) ?? 1_000_000
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let trex = here.appendingPathComponent("trex").path
        guard FileManager.default.isExecutableFile(atPath: trex) else {
            print("  build trex first: swift build -c release --product trex")
            return
        }
        let given = options.first { $0.hasPrefix("--store=") }.map { String($0.dropFirst(8)) }
        let directory = NSTemporaryDirectory() + "trex-bench-bigstore-\(getpid())"
        let store = given ?? directory + "/traces.sqlite"
        if given == nil {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer {
                if options.contains("--keep") { print("  kept \(store)") } else { try? FileManager.default.removeItem(atPath: directory) }
            }
            let input = directory + "/spans.jsonl"
            guard let summary = try? SyntheticOTLP(spanCount: spans).write(to: input) else {
                print("  cannot write \(input)")
                return
            }
            print("  input: \(summary.spans) spans in \(summary.traces) traces, \(Bench.fixed(Double(summary.bytes) / 1e6, 0)) MB "
                  + "of OTLP JSON Lines")
            guard let (seconds, rss) = ListBenchmark.measure(trex, ["import", "--quiet", "--store", store, input]) else {
                print("  trex import failed")
                return
            }
            try? FileManager.default.removeItem(atPath: input)
            print("  trex import: \(Bench.fixed(seconds, 2)) s (\(Int(Double(summary.spans) / seconds)) spans/s), "
                  + "peak RSS \(rss >> 20) MB")
            measureAll(trex: trex, store: store)
        } else {
            measureAll(trex: trex, store: store)
        }
    }

    private static func measureAll(trex: String, store: String) {
        let size = (try? FileManager.default.attributesOfItem(atPath: store)[.size] as? Int) ?? 0
        print("  store: \(size >> 20) MB")
        // The explorer, in a child process of its own; then, for comparison, what it did before
        // the workspace (every span loaded before the first frame), in another.
        for extra in [[], ["--load-all"]] {
            let child = Process()
            child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            child.arguments = ["store-explorer", "--store=\(store)"] + extra
            let pipe = Pipe()
            child.standardOutput = pipe
            do {
                try child.run()
                let output = pipe.fileHandleForReading.readDataToEndOfFile()
                child.waitUntilExit()
                print(String(decoding: output, as: UTF8.self), terminator: "")
            } catch {
                print("  cannot run the explorer child: \(error)")
            }
        }
        for command in [["list"], ["stats"], ["deps"]] {
            var best: (Double, Int)?
            for _ in 0..<3 {
                guard let run = ListBenchmark.measure(trex, command + ["--store", store]) else { continue }
                best = best.map { ($0.0 < run.0 ? $0.0 : run.0, max($0.1, run.1)) } ?? run
            }
            guard let (seconds, rss) = best else {
                print("  trex \(command[0]) --store failed")
                continue
            }
            print("  trex \(command[0]) --store: \(Bench.fixed(seconds * 1000, 0)) ms (best of 3), peak RSS \(rss >> 20) MB")
        }
    }

    /// The explorer on a store, measured in this process (run as a child by `big-store`, or by
    /// hand on any store with `trex-bench store-explorer --store=PATH`).
    static func runExplorer(_ options: [String]) {
        guard let path = options.first(where: { $0.hasPrefix("--store=") }).map({ String($0.dropFirst(8)) }) else {
            print("  usage: trex-bench store-explorer --store=PATH")
            return
        }
        let size = UIBenchmark.size
        let capabilities = UIBenchmark.capabilities
        let before = Bench.memory("VmRSS")
        if options.contains("--load-all") {
            // The explorer before the workspace: `loadAllTraces()`, then a catalog of every span.
            do {
                let (catalog, elapsed) = try Bench.time { () throws -> TraceCatalog in
                    let store = try PersistentStore.openForReading(at: path)
                    return TraceCatalog(table: try store.loadAllTraces())
                }
                print("  before the workspace (every span loaded first): \(catalog.spanCount) spans in "
                      + "\(Bench.fixed(Bench.milliseconds(elapsed), 0)) ms, peak RSS \(Bench.memory("VmHWM") >> 20) MB")
            } catch {
                print("  failed: \(error)")
            }
            return
        }
        do {
            // What `trex --store PATH` does before its first frame: open the store, read the
            // listing (summaries only), draw.
            let ((app, listing), open) = try Bench.time { () throws -> (ExplorerApp, TraceListing) in
                let store = try PersistentStore.openForReading(at: path)
                let workspace = Workspace(files: nil, store: store)
                let listing = try workspace.listing()
                let app = ExplorerApp(workspace: workspace, listing: listing,
                                      report: LoadReport(sources: [path], messages: [], spansSkipped: 0, seconds: 0))
                app.screenSize = size
                var frame = Frame(size: size)
                app.render(&frame, capabilities: capabilities)
                _ = frame.buffer.changes(from: nil)
                return (app, listing)
            }
            print("  explorer: first frame of the trace list (\(listing.count) traces) in \(Bench.fixed(Bench.milliseconds(open), 1)) ms "
                  + "(target < 300 ms: \(Bench.verdict(Bench.milliseconds(open) < 300))); RSS \(Bench.memory("VmRSS") >> 20) MB "
                  + "(\(before >> 20) MB before)")
            // As `trex` does: the PROBLEMS column is found in the background from the first frame.
            let scanStarted = ContinuousClock.now
            app.startBackgroundWork { _ in }
            let keys: [Key] = Array(repeating: .pageDown, count: 200) + [.end, .home] + Array(repeating: .char("j"), count: 200)
            let times = UIBenchmark.timeKeys(keys, on: app)
            print("  browsing: \(keys.count) keys, median \(Bench.fixed(Bench.percentile(50, times), 2)) ms, "
                  + "p99 \(Bench.fixed(Bench.percentile(99, times), 2)) ms")
            let (_, filter) = Bench.time {
                _ = app.handle(.input(.key(.char("/"))))
                for c in "service.name = \"payment\" AND duration > 100ms" { _ = app.handle(.input(.key(.char(c)))) }
                _ = app.handle(.input(.key(.enter)))
                var frame = Frame(size: size)
                app.render(&frame, capabilities: capabilities)
            }
            print("  filter `service.name = \"payment\" AND duration > 100ms` (store pushdown): "
                  + "\(Bench.fixed(Bench.milliseconds(filter), 1)) ms")
            let (opened, opening) = Bench.time { () -> String in
                _ = app.handle(.input(.key(.enter)))
                var frame = Frame(size: size)
                app.render(&frame, capabilities: capabilities)
                return String(frame.buffer.text.prefix { $0 != "\n" })
            }
            print("  opening the first match (its spans and neighbours loaded, analysed): "
                  + "\(Bench.fixed(Bench.milliseconds(opening), 1)) ms:\(opened.prefix(70))")
            let rss = Bench.memory("VmHWM")
            print("  explorer peak RSS while browsing, filtering and opening: \(rss >> 20) MB "
                  + "(target < 100 MB: \(Bench.verdict(rss < 100 << 20)))")
            while app.problemScan?.isFinished == false { usleep(20_000) }
            let scanned = app.problemScan?.workspace.knownProblemCount ?? 0
            print("  problems of all \(scanned) traces found in the background in "
                  + "\(Bench.fixed(Bench.milliseconds(ContinuousClock.now - scanStarted) / 1000, 1)) s "
                  + "(each trace with its neighbours, read from the store); peak RSS then \(Bench.memory("VmHWM") >> 20) MB")
        } catch {
            print("  failed: \(error)")
        }
    }
}
