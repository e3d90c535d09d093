import TraceModel
import TestSupport
@testable import TraceAnalysis

/// Test-side readings of results in drawing units (1 unit = 1 ms from the drawing's origin).
enum Units {
    static func of(_ t: Timestamp, unitNanos: Int64 = 1_000_000) -> Int64 {
        (t.unixNanos - TraceFixture.origin) / unitNanos
    }
}

extension Array where Element == CriticalPathSection {
    /// "name start-end" per section, in drawing units.
    func described(in trace: Trace) -> [String] {
        map { "\(trace.nameOf($0.span)) \(Units.of($0.start))-\(Units.of($0.end))" }
    }
}

extension Trace {
    /// Operation names of local indices.
    func names(_ spans: [Int]) -> [String] { spans.map(nameOf) }
}
