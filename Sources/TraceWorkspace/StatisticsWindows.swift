import Foundation
import TraceModel
import TraceQuery

/// The two windows of time `trex stats --windows` and the statistics screen compare: the
/// halves of the loaded range, or two the user writes as `START..END START..END`.
///
/// Each bound is an offset from the start of the loaded range written as a query duration
/// (`0s`, `15m`, `1h30m`), or an RFC 3339 time (`2026-12-01T10:15:00Z`); an empty bound is
/// the range's start or end (`..15m 45m..`). A trace belongs to the window its start falls in
/// (windows are half open, except that the last instant of the range is in a window ending
/// there).
public enum StatisticsWindows: Sendable, Hashable {
    case halves
    case written(Bound, Bound, Bound, Bound)

    public enum Bound: Sendable, Hashable {
        case open
        case offset(Nanoseconds)
        case time(Timestamp)
    }

    /// The windows resolved against the loaded range.
    public struct Resolved: Sendable, Hashable {
        public var first: ClosedRange<Timestamp>
        public var second: ClosedRange<Timestamp>

        /// 0 for the first window, 1 for the second, nil for neither (the first wins where
        /// they overlap). Each window is half open, unless it ends at the range's end.
        func window(of start: Timestamp, rangeEnd: Timestamp) -> Int? {
            func holds(_ w: ClosedRange<Timestamp>) -> Bool {
                w.contains(start) && (start < w.upperBound || w.upperBound == rangeEnd)
            }
            return holds(first) ? 0 : holds(second) ? 1 : nil
        }
    }

    /// Parses `START..END START..END`; the error says what is wrong, for the command line and
    /// the screen's prompt alike.
    public static func parse(_ text: String) throws(WindowSyntaxError) -> StatisticsWindows {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard words.count == 2 else { throw WindowSyntaxError("write two windows, START..END START..END (e.g. 0m..15m 45m..)") }
        var bounds: [Bound] = []
        for word in words {
            let parts = word.components(separatedBy: "..")
            guard parts.count == 2 else { throw WindowSyntaxError("\"\(word)\" is not START..END") }
            for part in parts { bounds.append(try bound(part)) }
        }
        return .written(bounds[0], bounds[1], bounds[2], bounds[3])
    }

    private static func bound(_ text: String) throws(WindowSyntaxError) -> Bound {
        if text.isEmpty { return .open }
        if let tokens = try? Lexer.tokenize(text), tokens.count == 2, case .duration(let ns) = tokens[0].kind {
            return .offset(Nanoseconds(ns))
        }
        if let time = parseTime(text) { return .time(time) }
        throw WindowSyntaxError("\"\(text)\" is neither an offset (15m, 1h30m) nor an RFC 3339 time (2026-12-01T10:15:00Z)")
    }

    private static func parseTime(_ text: String) -> Timestamp? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = formatter.date(from: text) ?? ISO8601DateFormatter().date(from: text) else { return nil }
        let nanos = (date.timeIntervalSince1970 * 1e9).rounded()
        guard nanos.magnitude < 9e18 else { return nil }
        return Timestamp(unixNanos: Int64(nanos))
    }

    /// The windows over the range `start...end` (trace starts).
    public func resolve(start: Timestamp, end: Timestamp) -> Resolved {
        switch self {
        case .halves:
            let middle = start + Nanoseconds((end - start).value / 2)
            return Resolved(first: start...middle, second: middle...end)
        case .written(let a, let b, let c, let d):
            func at(_ bound: Bound, open: Timestamp) -> Timestamp {
                switch bound {
                case .open: open
                case .offset(let n): start + n
                case .time(let t): t
                }
            }
            func window(_ x: Bound, _ y: Bound) -> ClosedRange<Timestamp> {
                let (low, high) = (at(x, open: start), at(y, open: end))
                return min(low, high)...max(low, high)
            }
            return Resolved(first: window(a, b), second: window(c, d))
        }
    }
}

/// A pair of windows that cannot be read.
public struct WindowSyntaxError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
