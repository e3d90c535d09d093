import TraceModel

/// Counts span times that cannot be real, and times read as nanoseconds where the format says
/// microseconds, for one note per kind and input (with the first span's place).
///
/// Real traces were recorded between 1980 and 2100; anything else is a clock, an exporter or a
/// hand-written fixture gone wrong. The spans still load with their times as given (clamped to
/// Int64 where the wire value was larger), so the `bad-duration` diagnostic and the raw values
/// stay visible.
struct TimeSanity {
    /// 1980-01-01T00:00:00Z and 2100-01-01T00:00:00Z in Unix nanoseconds.
    static let earliest: Int64 = 315_532_800 * 1_000_000_000
    static let latest: Int64 = 4_102_444_800 * 1_000_000_000
    /// 2200-01-01T00:00:00Z in Unix microseconds: a "microsecond" value past it is nanoseconds
    /// (read as microseconds a 2024 nanosecond time lands in the year 55,000).
    static let microsecondsCeiling: Int64 = 7_258_118_400 * 1_000_000

    enum Kind: Int, CaseIterable {
        case negative, before1980, after2100, aboveInt64, nanosecondsAsMicroseconds

        /// The kinds that only say a time cannot be real (not how it was read).
        var isImplausible: Bool { self == .negative || self == .before1980 || self == .after2100 }

        func phrase(_ n: Int) -> String {
            let spans = n == 1 ? "1 span has" : "\(n) spans have"
            switch self {
            case .negative: return "\(spans) a negative time (before 1970), which cannot be real"
            case .before1980: return "\(spans) a time before 1980, which cannot be real (an unset clock or a zero time?)"
            case .after2100: return "\(spans) a time after 2100, which cannot be real"
            case .aboveInt64:
                return "\(spans) a time above 2^63-1 nanoseconds (an unsigned 64-bit value past the year 2262); "
                    + "held as the largest time"
            case .nanosecondsAsMicroseconds:
                return "\(n == 1 ? "1 span's times look" : "\(n) spans' times look") like nanoseconds, not "
                    + "microseconds (as microseconds they would start after the year 2200); read as nanoseconds"
            }
        }
    }

    private var counts = [Int](repeating: 0, count: Kind.allCases.count)
    private var firsts = [Int](repeating: -1, count: Kind.allCases.count)

    /// Records one kind for one span at a byte offset.
    mutating func note(_ kind: Kind, at offset: Int) {
        counts[kind.rawValue] += 1
        if firsts[kind.rawValue] < 0 { firsts[kind.rawValue] = offset }
    }

    /// Checks a span's start and end (Unix nanoseconds); each kind counts once per span.
    @inline(__always)
    mutating func check(start: Int64, end: Int64, at offset: Int) {
        let lo = min(start, end), hi = max(start, end)
        guard lo < Self.earliest || hi > Self.latest else { return }
        if lo < 0 { note(.negative, at: offset) } else if lo < Self.earliest { note(.before1980, at: offset) }
        if hi > Self.latest { note(.after2100, at: offset) }
    }

    /// A Jaeger or Zipkin time in microseconds as nanoseconds, reading values past the year
    /// 2200 as nanoseconds already (and counting the span once through `readAsNanoseconds`).
    @inline(__always)
    static func nanoseconds(fromMicroseconds value: Int64) -> (nanos: Int64, wasNanoseconds: Bool) {
        if value > microsecondsCeiling { return (value, true) }
        return (TimeMath.multiply(value, 1_000), false)
    }

    /// One note per kind seen, without a place (for input that has no lines, such as protobuf).
    var notes: [(message: String, implausible: Bool)] {
        Kind.allCases.filter { counts[$0.rawValue] > 0 }.map { ($0.phrase(counts[$0.rawValue]), $0.isImplausible) }
    }

    /// One note per kind seen, at the first span's offset.
    func addNotes(to log: inout WarningLog) {
        for kind in Kind.allCases where counts[kind.rawValue] > 0 {
            log.note(kind.phrase(counts[kind.rawValue]) + " (the first here)", at: firsts[kind.rawValue])
            if kind.isImplausible { log.markLastAsImplausibleTime() }
        }
    }
}
