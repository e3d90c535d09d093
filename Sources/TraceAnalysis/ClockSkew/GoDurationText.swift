/// Durations written as Go's `time.Duration.String()` writes them ("35ms", "-25ms", "1.5µs",
/// "2m0.5s"), so the adjuster's warnings read exactly like Jaeger's.
enum GoDurationText {
    static func string(nanoseconds d: Int64) -> String {
        let negative = d < 0
        var u = d.magnitude
        var text: String
        if u < 1_000_000_000 {
            if u == 0 { return "0s" }
            let precision: Int
            let unit: String
            if u < 1_000 {
                precision = 0
                unit = "ns"
            } else if u < 1_000_000 {
                precision = 3
                unit = "µs"
            } else {
                precision = 6
                unit = "ms"
            }
            let (fraction, whole) = fractionText(u, precision: precision)
            text = String(whole) + fraction + unit
        } else {
            let (fraction, seconds) = fractionText(u, precision: 9)
            u = seconds
            text = String(u % 60) + fraction + "s"
            u /= 60
            if u > 0 {
                text = String(u % 60) + "m" + text
                u /= 60
                if u > 0 { text = String(u) + "h" + text }
            }
        }
        return negative ? "-" + text : text
    }

    /// The fraction of v / 10^precision as ".123" without trailing zeros ("" when zero), and
    /// the whole part.
    private static func fractionText(_ v: UInt64, precision: Int) -> (String, UInt64) {
        var v = v
        var digits: [Character] = []
        var printing = false
        for _ in 0..<precision {
            let digit = v % 10
            printing = printing || digit != 0
            if printing { digits.append(Character(String(digit))) }
            v /= 10
        }
        if digits.isEmpty { return ("", v) }
        return ("." + String(digits.reversed()), v)
    }
}
