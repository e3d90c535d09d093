import Foundation
import TraceModel
import TestSupport

/// Traces for the latency plot's tests: one span each, at chosen start times and durations.
enum LatencyTraces {
    /// One trace: starts `start` ms after the fixture's origin and lasts `duration` ms.
    struct Trace {
        var start: Int64
        var duration: Int64
        var error = false
        var service = "web"
        var name = "GET /api"
    }

    static func table(_ traces: [Trace]) -> SpanTable {
        var f = TraceFixture(unitNanos: 1_000_000)
        for (i, t) in traces.enumerated() {
            f.inTrace("latency-\(i)")
            f.span("root-\(i)", service: t.service, name: t.name, start: t.start, end: t.start + t.duration, kind: .server,
                   status: t.error ? .error : .unset)
        }
        return f.build()
    }

    /// 240 traces over ten minutes, as a busy endpoint sees them: durations log-normal around
    /// 60 ms, a slow tail to seconds, every 20th failing, a burst of slow calls four minutes in.
    static func busy() -> SpanTable {
        var rng = SplitMix64(seed: 0x1A7E)
        func uniform() -> Double { Double(rng.next() >> 11) / Double(1 << 53) }
        var traces: [Trace] = []
        for i in 0..<240 {
            let start = Int64(i) * 2_500 + Int64(rng.next() % 2_000)
            // Box-Muller: a normal deviate from two uniform ones.
            let z = (-2 * log(max(uniform(), 1e-12))).squareRoot() * cos(2 * Double.pi * uniform())
            var duration = exp(log(60.0) + 0.6 * z)
            if i % 37 == 0 { duration *= 25 }                       // the slow tail
            if (96..<110).contains(i) { duration = 900 + 100 * uniform() }   // the burst
            traces.append(Trace(start: start, duration: max(1, Int64(duration)), error: i % 20 == 7,
                                name: "GET /api/\(["cart", "orders", "quote"][i % 3])"))
        }
        return table(traces)
    }
}
