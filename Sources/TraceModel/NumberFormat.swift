/// Numbers for people: `1,204`, `45.2 MB`, "3 traces". Locale-independent on purpose: the
/// output is also read by scripts and tests.
public enum NumberFormat {
    /// Thousands separated by commas: 1,204,331.
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// The count and the noun: "1 trace", "3 traces", "2 analyses" with a plural given.
    public static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(grouped(n)) \(n == 1 ? singular : plural ?? singular + "s")"
    }

    /// One decimal: 2.1.
    public static func oneDecimal(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        return (tenths < 0 ? "-" : "") + "\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }

    /// Decimal units: 512 B, 45.2 kB, 312.4 MB, 1.2 GB.
    public static func bytes(_ n: Int) -> String {
        let x = Double(n)
        if n < 1_000 { return "\(n) B" }
        if n < 1_000_000 { return oneDecimal(x / 1_000) + " kB" }
        if n < 1_000_000_000 { return oneDecimal(x / 1_000_000) + " MB" }
        return oneDecimal(x / 1_000_000_000) + " GB"
    }
}
