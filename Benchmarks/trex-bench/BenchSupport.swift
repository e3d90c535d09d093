import Foundation

/// Timing, memory and option helpers shared by the benchmarks.
enum Bench {
    static let clock = ContinuousClock()

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    static func milliseconds(_ d: Duration) -> Double { seconds(d) * 1000 }

    /// Runs `body` once and returns its result and the time it took.
    static func time<T>(_ body: () throws -> T) rethrows -> (T, Duration) {
        let start = clock.now
        let result = try body()
        return (result, clock.now - start)
    }

    static func fixed(_ v: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", v) }

    /// `--name=N` or `--name N` from the options or the command line.
    static func option(_ name: String, in options: [String]) -> Int? {
        for o in options where o.hasPrefix(name + "=") { return Int(o.dropFirst(name.count + 1)) }
        let args = CommandLine.arguments
        if let i = args.firstIndex(of: name), i + 1 < args.count { return Int(args[i + 1]) }
        return nil
    }

    /// A field of /proc/self/status in bytes (VmRSS, VmHWM).
    static func memory(_ field: String) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            let kb = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
            return kb * 1024
        }
        return 0
    }

    /// "PASS" or "MISS" against a target.
    static func verdict(_ ok: Bool) -> String { ok ? "meets the target" : "MISSES the target" }

    /// Percentile of sorted values (nearest rank).
    static func percentile(_ p: Double, _ sorted: [Double]) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[max(0, min(sorted.count - 1, rank - 1))]
    }
}
