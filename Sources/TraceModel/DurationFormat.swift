/// Human-readable durations: `512ns`, `3.4µs`, `780ms`, `1.23s`, `1m30s`, `2h5m`.
///
/// Three significant digits below a minute; minutes and hours above. Used by every view and
/// command so the same span reads the same everywhere.
public enum DurationFormat {
    public static func string(_ d: Nanoseconds, ascii: Bool = false) -> String {
        let ns = d.value
        if ns < 0 { return "-" + string(Nanoseconds(ns == .min ? .max : -ns), ascii: ascii) }
        if ns == 0 { return "0" }
        if ns < 1_000 { return "\(ns)ns" }
        if ns < 1_000_000 { return significant(Double(ns) / 1_000) + (ascii ? "us" : "µs") }
        if ns < 1_000_000_000 { return significant(Double(ns) / 1_000_000) + "ms" }
        if ns < 60_000_000_000 { return significant(Double(ns) / 1_000_000_000) + "s" }
        let totalSeconds = ns / 1_000_000_000
        let hours = totalSeconds / 3600
        let minutes = (totalSeconds % 3600) / 60
        let seconds = totalSeconds % 60
        if hours > 0 { return minutes > 0 ? "\(hours)h\(minutes)m" : "\(hours)h" }
        return seconds > 0 ? "\(minutes)m\(seconds)s" : "\(minutes)m"
    }

    /// Three significant digits, no trailing zeros: 1.23, 12.3, 123, 1.5, 2.
    static func significant(_ x: Double) -> String {
        let decimals = x >= 100 ? 0 : (x >= 10 ? 1 : 2)
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        var scaled = (x * scale).rounded()
        // 999.6 rounds to 1000: keep the unit's width honest.
        if decimals == 0, scaled >= 1000 { scaled = 999 }
        let whole = Int64(scaled / scale)
        var frac = Int64(scaled) - whole * Int64(scale)
        if decimals == 0 || frac == 0 { return "\(whole)" }
        var digits = decimals
        while frac % 10 == 0 { frac /= 10; digits -= 1 }
        let fracText = String(frac)
        return "\(whole)." + String(repeating: "0", count: max(0, digits - fracText.count)) + fracText
    }
}

extension Nanoseconds: CustomStringConvertible {
    public var description: String { DurationFormat.string(self) }
}
