#if canImport(Glibc)
import Glibc
#endif
import TraceModel
import TraceQuery
import TestSupport
import TraceStore

/// The persistent store: import rate and bytes per span for 1,000,000 realistic spans, then
/// query latencies through the real query path (`StoreQueryEngine`: SQL candidates, loading,
/// exact evaluation).
///
/// Options: `--spans=N` (default 1,000,000), `--batch=N` (spans per commit, default 50,000),
/// `--store=PATH` (default: a temporary file, deleted afterwards), `--keep` (keep it).
enum StoreBenchmark {
    static func run(_ options: [String]) {
        func value(_ name: String) -> String? {
            options.first { $0.hasPrefix("--\(name)=") }.map { String($0.dropFirst(name.count + 3)) }
        }
        let spans = value("spans").flatMap { Int($0) } ?? 1_000_000
        let batch = value("batch").flatMap { Int($0) } ?? 50_000
        let path = value("store") ?? "/tmp/trex-bench-store-\(getpid()).sqlite"
        defer {
            if !options.contains("--keep") { for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) } }
        }
        do {
            try measure(spans: spans, batch: batch, path: path)
        } catch {
            print("  failed: \(error)")
        }
    }

    private static func measure(spans: Int, batch: Int, path: String) throws {
        // Generate first, so the import rate is the store's alone.
        var clock = Stopwatch()
        let generator = SyntheticTraces(services: 10, spansPerTrace: 100)
        let tables = Array(generator.tables(totalSpans: spans, spansPerTable: 100_000))
        let spanCount = tables.reduce(0) { $0 + $1.spans.count }
        let traceCount = tables.reduce(0) { $0 + $1.traces.count }
        let attributes = tables.reduce(0) { $0 + $1.attributes.count }
        print("  generated \(spanCount) spans in \(traceCount) traces (10 services, \(attributes / max(1, spanCount)) "
              + "attributes per span) in \(clock.lap()) s")

        // Keeping every index up to date batch by batch, then deferring them to the end.
        for deferIndexes in [false, true] {
            for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
            let store = try PersistentStore.open(at: path, create: true)
            let importer = StoreImporter(store: store, options: .init(batchSpans: batch, deferIndexes: deferIndexes))
            clock = Stopwatch()
            let cpuBefore = Stopwatch.cpuSeconds()
            for table in tables { try importer.add(table) }
            try importer.finish()
            let importSeconds = clock.elapsed
            let importCPU = Stopwatch.cpuSeconds() - cpuBefore
            print("  import, \(deferIndexes ? "indexes deferred to the end" : "indexes kept up to date"): "
                  + "\(format(Double(spanCount) / importSeconds)) spans/s (\(importSeconds.formatted3) s, "
                  + "batches of \(batch) spans)   target >= 200,000 spans/s")
            print("    CPU: \(importCPU.formatted3) s = \(format(Double(spanCount) / importCPU)) spans per CPU-second "
                  + "(\((importCPU / Double(spanCount) * 1e6).formatted3) µs per span); load average \(loadAverage())")
            if !deferIndexes { try store.close() }
        }
        let store = try PersistentStore.open(at: path)
        try store.compact()
        let info = try store.info()
        print("  size: \(info.fileBytes / 1_000_000) MB, \(Int((info.bytesPerSpan ?? 0).rounded())) bytes per span "
              + "(\(info.stringCount) strings)")

        // The same data again: nothing changes.
        clock = Stopwatch()
        let again = StoreImporter(store: store, options: .init(batchSpans: batch))
        try again.add(tables[0])
        print("  re-import of \(tables[0].spans.count) unchanged spans: \(format(Double(tables[0].spans.count) / clock.elapsed)) "
              + "spans/s, \(again.totals.spansWritten) written")

        try lookups(store, tables: tables)
        try store.close()
    }

    private static func lookups(_ store: PersistentStore, tables: [SpanTable]) throws {
        // A number some span holds, so the numeric equality matches something.
        let sample = tables[0]
        let size = sample.spans.lazy.compactMap { sample.attribute("request.size", of: $0) }.first?.displayText ?? "1"
        let queries: [(label: String, text: String, target: String)] = [
            ("service + duration", #"service = "checkout" AND duration > 1.5s"#, "target < 50 ms"),
            ("service + duration, 40 times as many", #"service = "checkout" AND duration > 500ms"#, ""),
            ("attribute equality", #"user.id = "user-4242""#, "target < 500 ms"),
            ("attribute equality, a number", "request.size = \(size)", "target < 500 ms"),
            ("regex + duration", #"name =~ "charge.*" AND duration > 1.9s"#, ""),
            ("regex on an attribute", #"http.url =~ ".*/orders/42424[0-9]""#, ""),
        ]
        for (label, text, target) in queries {
            let query = try Query.parse(text)
            var candidates = 0
            let sqlTime = Stopwatch.best(of: 3) {
                candidates = (try? store.candidateTraces(StoredTraceFilter(query)))?.map(\.count) ?? -1
            }
            var result: StoreQueryResult?
            let total = Stopwatch.best(of: 3) { result = try? StoreQueryEngine.run(query, on: store) }
            let loaded = result.map { $0.loadedEverything ? "the whole store" : "\($0.loadedFromStore) traces" } ?? "?"
            let spans = result?.table.spans.count ?? 0
            print("  \(label): \(text)")
            print("    \(total.milliseconds) ms end to end: \(result?.matches.count ?? 0) traces match; candidates "
                  + "\(candidates < 0 ? "all" : String(candidates)) in \(sqlTime.milliseconds) ms, loaded \(loaded) "
                  + "(\(spans) spans)   \(target)")
        }

        var listed = 0
        let listTime = Stopwatch.best(of: 3) { listed = (try? store.traceListing())?.count ?? 0 }
        print("  trace list from summaries only: \(listed) traces in \(listTime.milliseconds) ms")
        let id = tables[0].traces[0].traceID
        let oneTime = Stopwatch.best(of: 5) { _ = try? store.loadTraces([id]) }
        print("  load one trace (\(tables[0].traces[0].spanCount) spans): \(oneTime.milliseconds) ms")
        var loaded = 0
        let allTime = Stopwatch.best(of: 1) { loaded = (try? store.loadAllTraces())?.spans.count ?? 0 }
        print("  load everything into a SpanTable: \(format(Double(loaded) / allTime)) spans/s (\(allTime.formatted3) s)")
    }

    /// The one-minute load average (other work on the machine slows the wall-clock figures).
    private static func loadAverage() -> String {
        var loads = [Double](repeating: 0, count: 3)
        return getloadavg(&loads, 3) > 0 ? String(Double(Int(loads[0] * 100)) / 100) : "?"
    }

    private static func format(_ x: Double) -> String {
        let n = Int(x.rounded())
        var digits = String(n)
        var i = digits.count - 3
        while i > 0 { digits.insert(",", at: digits.index(digits.startIndex, offsetBy: i)); i -= 3 }
        return digits
    }
}

/// Wall-clock timing for the benchmark.
struct Stopwatch {
    private var start = ContinuousClock.now

    var elapsed: Double { Self.seconds(ContinuousClock.now - start) }

    /// Seconds since the last lap, three decimals.
    mutating func lap() -> String {
        let s = elapsed
        start = ContinuousClock.now
        return s.formatted3
    }

    /// The fastest of `runs` runs, in seconds.
    static func best(of runs: Int, _ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<runs {
            let watch = Stopwatch()
            body()
            best = min(best, watch.elapsed)
        }
        return best
    }

    /// User plus system CPU time of this process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return s(usage.ru_utime) + s(usage.ru_stime)
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}

extension Double {
    var formatted3: String { String(Double(Int((self * 1000).rounded())) / 1000) }
    var milliseconds: String { String(Double(Int((self * 100_000).rounded())) / 100) }
}
