/// Calendar formatting of timestamps in UTC, without Foundation or the locale.
public enum TimestampFormat {
    /// `2023-11-14 22:13:20.123` (UTC, millisecond precision).
    public static func utc(_ t: Timestamp, milliseconds: Bool = true) -> String {
        utc(t, milliseconds: milliseconds, separator: " ")
    }

    private static func utc(_ t: Timestamp, milliseconds: Bool, separator: String) -> String {
        let ns = t.unixNanos
        var seconds = ns / 1_000_000_000
        var fraction = ns % 1_000_000_000
        if fraction < 0 { fraction += 1_000_000_000; seconds -= 1 }
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 { secondOfDay += 86_400; days -= 1 }
        let (y, m, d) = civil(fromDays: days)
        var text = "\(y)-\(pad(m))-\(pad(d))\(separator)\(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60))"
        if milliseconds {
            let ms = fraction / 1_000_000
            text += "." + (ms < 10 ? "00" : ms < 100 ? "0" : "") + String(ms)
        }
        return text
    }

    /// RFC 3339 with nanoseconds: `2023-11-14T22:13:20.123456789Z`.
    public static func rfc3339(_ t: Timestamp) -> String {
        var fraction = t.unixNanos % 1_000_000_000
        if fraction < 0 { fraction += 1_000_000_000 }
        let digits = String(fraction)
        let base = utc(t, milliseconds: false, separator: "T")
        return base + "." + String(repeating: "0", count: 9 - digits.count) + digits + "Z"
    }

    private static func pad(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }

    /// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian).
    static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}
