import TraceModel
import TraceQuery

/// A metrics value as the chart's axis writes it, in the query's unit: `1.5s` for a duration
/// (the project's `DurationFormat`), `12/s` for a rate, `1,204` for a count of spans, `2.5k`
/// for a plain number. Total: any Double, NaN and infinities included, gives short text.
enum MetricValueFormat {
    /// `value` in `unit`. `ascii` writes `us` for microseconds.
    static func string(_ value: Double, unit: MetricUnit, ascii: Bool = false) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-inf" : "inf") }
        switch unit {
        case .nanoseconds:
            // Past Int64 (292 years) durations would all saturate to the same text: hours instead.
            if abs(value) >= 9e18 { return compact(value / 3.6e12) + "h" }
            return DurationFormat.string(Nanoseconds(TimeMath.int64(value.rounded())), ascii: ascii)
        case .perSecond:
            return compact(value) + "/s"
        case .spans:
            if value == value.rounded(), abs(value) < 1e6 { return NumberFormat.grouped(Int(value)) }
            return compact(value)
        case .number:
            return compact(value)
        }
    }

    /// Three significant digits at most, with a k/M/G/T suffix from a thousand up and an
    /// exponent beyond: `0`, `0.25`, `12.5`, `999`, `1.5k`, `2M`, `1e+18`, `1e-05`.
    static func compact(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-inf" : "inf") }
        if value == 0 { return "0" }
        let sign = value < 0 ? "-" : ""
        var magnitude = abs(value)
        if magnitude < 0.001 || magnitude >= 1e15 { return sign + exponent(magnitude) }
        let suffixes = ["", "k", "M", "G", "T"]
        var index = 0
        while magnitude >= 1000, index < suffixes.count - 1 {
            magnitude /= 1000
            index += 1
        }
        var digits = significant(magnitude)
        // 999.6 rounds to 1000: the next suffix reads better.
        if digits == "1000", index < suffixes.count - 1 {
            digits = "1"
            index += 1
        }
        return sign + digits + suffixes[index]
    }

    /// Three significant digits without trailing zeros, for 0.001 <= x < 1000: `0.125`, `12.5`, `999`.
    static func significant(_ x: Double) -> String {
        let decimals = x >= 100 ? 0 : x >= 10 ? 1 : x >= 1 ? 2 : x >= 0.1 ? 3 : x >= 0.01 ? 4 : 5
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((x * scale).rounded())
        let unit = Int64(scale)
        let whole = scaled / unit
        var fraction = scaled % unit
        guard decimals > 0, fraction != 0 else { return "\(whole)" }
        var digits = decimals
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let text = String(fraction)
        return "\(whole)." + String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// `1.5e+18`, `2e-05`: a mantissa of two significant digits and a signed exponent, for a
    /// positive finite `x`. O(decimal exponent), at most a few hundred steps.
    private static func exponent(_ x: Double) -> String {
        var mantissa = x, power = 0
        while mantissa >= 10 { mantissa /= 10; power += 1 }
        while mantissa < 1 { mantissa *= 10; power -= 1 }
        var rounded = (mantissa * 10).rounded() / 10
        if rounded >= 10 { rounded = 1; power += 1 }
        let digits = rounded == rounded.rounded() ? "\(Int(rounded))" : significant(rounded)
        let exponentDigits = String(abs(power))
        return digits + "e" + (power < 0 ? "-" : "+") + (exponentDigits.count < 2 ? "0" : "") + exponentDigits
    }
}
