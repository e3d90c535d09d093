import Foundation
import TraceFormats
import TraceModel

/// Decodes a synthetic OTLP JSON Lines file with `TraceDecoder` and reports throughput and
/// memory, beside Python's `json` module and `jq` merely parsing the same file; then encodes the
/// spans back as OTLP JSON (what `trex convert` does) and reports that speed too.
///
/// Options: `--spans=N` (default 1,000,000), `--runs=N` (timed runs, default 3: the machine is
/// shared, so the best and the median are reported), `--keep` (leave the file in /tmp),
/// `--input=PATH` (decode an existing file instead of generating one), `--no-compare` (skip
/// Python and jq). Memory per span is peak RSS (VmHWM) minus the RSS
/// before reading the input minus the input bytes (the file is read into memory), divided by
/// the span count; it is reported after decoding and again after `SpanTableBuilder.finish()`.
enum ParseBenchmark {
    static let targetMBps = 300.0
    static let targetBytesPerSpan = 300.0

    static func run(_ options: [String]) {
        let spans = Bench.option("--spans", in: options) ?? 1_000_000
        let clock = ContinuousClock()
        var path = NSTemporaryDirectory() + "trex-bench-\(spans).jsonl"
        var size = 0
        if let given = options.first(where: { $0.hasPrefix("--input=") }) {
            path = String(given.dropFirst("--input=".count))
            size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            print("  input: \(path): \(mb(size)) MB")
        } else {
            let genStart = clock.now
            let summary: SyntheticOTLP.Summary
            do { summary = try SyntheticOTLP(spanCount: spans).write(to: path) } catch {
                print("  cannot write \(path): \(error)")
                return
            }
            size = summary.bytes
            print("  input: \(path): \(summary.spans) spans in \(summary.traces) traces, \(summary.lines) lines, "
                  + "\(mb(summary.bytes)) MB (generated in \(fixed(Bench.seconds(clock.now - genStart), 1)) s)")
        }
        let generated = !options.contains(where: { $0.hasPrefix("--input=") })
        defer { if generated && !options.contains("--keep") { try? FileManager.default.removeItem(atPath: path) } }

        let baseline = Bench.memory("VmRSS")
        guard let input = readFile(path, size: size) else {
            print("  cannot read \(path)")
            return
        }
        let runs = max(1, Bench.option("--runs", in: options) ?? 3)
        var builder = SpanTableBuilder()
        let start = clock.now
        let report: DecodeReport
        do { report = try TraceDecoder.decode(input, source: path, into: &builder) } catch {
            print("  decode failed: \(error)")
            return
        }
        var decodeTimes = [Bench.seconds(clock.now - start)]
        let peakDecode = Bench.memory("VmHWM")
        let finishStart = clock.now
        let table = builder.finish()
        let finishTime = Bench.seconds(clock.now - finishStart)
        let peakFinish = Bench.memory("VmHWM")
        builder = SpanTableBuilder()
        for _ in 1..<runs {
            var again = SpanTableBuilder()
            let t0 = clock.now
            _ = try? TraceDecoder.decode(input, source: path, into: &again)
            decodeTimes.append(Bench.seconds(clock.now - t0))
        }

        let n = Double(report.spansDecoded)
        let best = decodeTimes.min()!
        let perSpan = Double(peakDecode - baseline - input.count) / n
        let perSpanFinished = Double(peakFinish - baseline - input.count) / n
        print("  decoded \(report.spansDecoded) spans (\(table.traces.count) traces, \(report.warnings.count) warnings); "
              + "runs: " + decodeTimes.map { fixed($0, 3) + " s" }.joined(separator: ", "))
        print("  throughput (best of \(runs)): \(fixed(Double(input.count) / 1e6 / best, 0)) MB/s "
              + "(target >= \(Int(targetMBps))), \(fixed(n / best / 1e6, 2)) M spans/s; median "
              + "\(fixed(Double(input.count) / 1e6 / median(decodeTimes), 0)) MB/s")
        print("  memory beyond input: \(fixed(perSpan, 0)) bytes/span after decoding (target < \(Int(targetBytesPerSpan))); "
              + "\(fixed(perSpanFinished, 0)) bytes/span at the peak of finish() (\(fixed(finishTime, 3)) s)")
        print("  peak RSS \(mb(peakFinish)) MB, input \(mb(input.count)) MB, baseline \(mb(baseline)) MB, "
              + "strings \(table.strings.count) distinct")
        var encodeTimes: [Double] = []
        var encodedBytes = 0
        for _ in 0..<runs {
            let t0 = clock.now
            encodedBytes = OTLPJSONEncoder.encode(table).count
            encodeTimes.append(Bench.seconds(clock.now - t0))
        }
        print("  encoding it back as OTLP JSON (trex convert): \(mb(encodedBytes)) MB, best "
              + "\(fixed(Double(encodedBytes) / 1e6 / encodeTimes.min()!, 0)) MB/s, median "
              + "\(fixed(Double(encodedBytes) / 1e6 / median(encodeTimes), 0)) MB/s")
        let decodeTime = best
        if !options.contains("--no-compare") { compare(path: path, bytes: input.count, oursSeconds: decodeTime) }
    }

    // MARK: - Python and jq

    private static func compare(path: String, bytes: Int, oursSeconds: Double) {
        let python = "import json,sys\nn=0\nfor line in open(sys.argv[1],'rb'):\n    json.loads(line); n+=1\n"
        for (name, tool, arguments) in [("python3 json", "python3", ["-c", python, path]),
                                        ("jq", "jq", ["-c", "empty", path])] {
            let clock = ContinuousClock()
            let start = clock.now
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [tool] + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            do { try process.run() } catch {
                print("  \(name): not available")
                continue
            }
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                print("  \(name): not available (exit \(process.terminationStatus))")
                continue
            }
            let t = Bench.seconds(clock.now - start)
            print("  \(name) merely parsing: \(fixed(Double(bytes) / 1e6 / t, 0)) MB/s; trex is \(fixed(t / oursSeconds, 1))x faster")
        }
    }

    // MARK: - Helpers

    /// Reads a file straight into one array (no intermediate `Data`, so the input is in memory
    /// once).
    private static func readFile(_ path: String, size: Int) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var ok = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = fread(buffer.baseAddress, 1, size, file)
            ok = count == size
        }
        return ok ? bytes : nil
    }



    private static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }


    private static func mb(_ bytes: Int) -> String { fixed(Double(bytes) / 1e6, 1) }

    private static func fixed(_ v: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", v) }
}
