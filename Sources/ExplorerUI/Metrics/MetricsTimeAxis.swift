import TraceModel

/// The chart's x axis: wall-clock labels (UTC) at round times between the first and the last
/// step, as many as fit without touching.
///
/// Labels read `HH:MM:SS`, with milliseconds when ticks are under a second apart, and with the
/// date when the range spans days: `MM-DD HH:MM` (the year too when it spans years; the date
/// alone when ticks are whole days apart).
/// Ticks fall on multiples of a round interval (`intervals`) since the Unix epoch, so on whole
/// minutes, hours and UTC days. Total: any timestamps, saturated. O(labels).
struct MetricsTimeAxis: Sendable {
    /// A label and where its time falls between the first step (0) and the last (1).
    struct Tick: Sendable, Equatable {
        let fraction: Double
        let label: String
    }

    /// Round intervals (ns), smallest first: 1-2-5 from 1 ns to 500 ms, then 1, 2, 5, 10, 15 and
    /// 30 s, 1, 2, 5, 10, 15 and 30 min, 1, 2, 3, 6 and 12 h, then 1-2-5 days up to 50,000 days (137 years).
    static let intervals: [Int64] = {
        var out: [Int64] = []
        var magnitude: Int64 = 1
        while magnitude < 1_000_000_000 {
            out += [magnitude, 2 * magnitude, 5 * magnitude]
            magnitude *= 10
        }
        let second: Int64 = 1_000_000_000, minute = 60 * second, hour = 60 * minute, day = 24 * hour
        out += [1, 2, 5, 10, 15, 30].map { $0 * second }
        out += [1, 2, 5, 10, 15, 30].map { $0 * minute }
        out += [1, 2, 3, 6, 12].map { $0 * hour }
        var days: Int64 = 1
        while days <= 10_000 {
            out += [days * day, 2 * days * day, 5 * days * day]
            days *= 10
        }
        return out
    }()

    /// The ticks for a plot of `width` columns from `first` to `last` (the same time, a single
    /// step, puts one label in the middle).
    static func ticks(first: Timestamp, last: Timestamp, width: Int) -> [Tick] {
        guard width > 0 else { return [] }
        let from = first.unixNanos, to = max(first.unixNanos, last.unixNanos)
        let span = TimeMath.wideDifference(to, from)
        let date = datePrefix(from: from, to: to)
        guard span > 0 else {
            let label = self.label(from, date: date, seconds: true, milliseconds: false)
            return [Tick(fraction: 0.5, label: label)]
        }
        var labelWidth = date.count + 8
        var interval = self.interval(span: span, width: width, labelWidth: labelWidth)
        let milliseconds = interval < 1_000_000_000
        if milliseconds {
            labelWidth += 4
            interval = self.interval(span: span, width: width, labelWidth: labelWidth)
        }
        // With the date, whole minutes need no seconds, and whole days no time (so more fit).
        let day: Int64 = 86_400_000_000_000
        if !date.isEmpty, interval % day == 0 {
            let finer = self.interval(span: span, width: width, labelWidth: date.count - 1)
            if finer % day == 0 { interval = finer }
        }
        let seconds = date.isEmpty || milliseconds || interval % 60_000_000_000 != 0
        let clock = date.isEmpty || interval % day != 0
        var ticks: [Tick] = []
        var t = TimeMath.multiply(ceilDiv(from, interval), interval)
        while t <= to, ticks.count < 100 {
            ticks.append(Tick(fraction: TimeMath.ratio(TimeMath.wideDifference(t, from), span),
                              label: label(t, date: date, clock: clock, seconds: seconds, milliseconds: milliseconds)))
            let (next, overflow) = t.addingReportingOverflow(interval)
            if overflow { break }
            t = next
        }
        if ticks.isEmpty { ticks.append(Tick(fraction: 0, label: label(from, date: date, seconds: seconds, milliseconds: milliseconds))) }
        return ticks
    }

    /// The smallest interval with at most as many ticks in `span` as labels of `labelWidth`
    /// (and a gap of 2) fit in `width` columns.
    static func interval(span: Double, width: Int, labelWidth: Int) -> Int64 {
        let fit = max(1, (width + 2) / (labelWidth + 2))
        return intervals.first { span / Double($0) <= Double(fit - 1) } ?? intervals.last!
    }

    /// `""` within a UTC day, `"MM-DD "` across days, `"YYYY-MM-DD "` across years.
    static func datePrefix(from: Int64, to: Int64) -> String {
        let a = TimestampFormat.utc(Timestamp(unixNanos: from)), b = TimestampFormat.utc(Timestamp(unixNanos: to))
        if a.prefix(10) == b.prefix(10) { return "" }
        return a.prefix(4) == b.prefix(4) ? "MM-DD " : "YYYY-MM-DD "
    }

    /// `t` as a label: the date part `datePrefix` chose, then (with `clock`) `HH:MM`, `:SS` and
    /// `.mmm` as asked.
    static func label(_ t: Int64, date: String, clock showClock: Bool = true, seconds: Bool, milliseconds: Bool) -> String {
        // "2023-11-14 22:13:20.123", or with a year of more or fewer than 4 digits ("-0044-03-15 ...").
        let text = TimestampFormat.utc(Timestamp(unixNanos: t))
        let clock = text.suffix(12)            // "22:13:20.123"
        let day = text.dropLast(13)            // "2023-11-14"
        let dayText = date.isEmpty ? "" : date.count > 6 ? String(day) : String(day.suffix(5))
        guard showClock else { return dayText }
        return (dayText.isEmpty ? "" : dayText + " ") + clock.prefix(milliseconds ? 12 : seconds ? 8 : 5)
    }

    private static func ceilDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a > 0) == (b > 0)) ? q + 1 : q
    }
}
