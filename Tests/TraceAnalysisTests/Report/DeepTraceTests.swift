import Testing
import TraceModel
import TestSupport
@testable import TraceAnalysis

/// Every analysis on a chain of 100,000 spans: nothing may recurse on the tree.
@Suite struct DeepTraceTests {
    static let depth = 100_000

    /// s0 > s1 > ... each nested one unit inside its parent, hosts alternating every 1,000
    /// levels, the host-b stretches 3 units behind, and the deepest span failing.
    static let trace: Trace = {
        var f = TraceFixture(unitNanos: 1_000)
        let n = depth
        for i in 0..<n {
            let host = (i / 1_000) % 2 == 0 ? "a" : "b"
            let skew: Int64 = host == "b" ? -3 : 0
            f.span("s\(i)", parent: i == 0 ? nil : "s\(i - 1)", service: "svc", start: Int64(i) + skew,
                   end: Int64(2 * n - i) + skew, kind: i % 2 == 0 ? .server : .client,
                   status: i == n - 1 ? .error : .unset, resource: ["host.name": .string(host)])
        }
        return f.buildTrace()
    }()

    @Test func theReportHandlesAHundredThousandLevels() {
        let trace = Self.trace
        let report = AnalysisReport(trace, options: AnalysisOptions(adjustSkew: true))
        #expect(report.criticalPath.sections.count == 2 * Self.depth - 1)
        #expect(report.rootCause.origins == [trace.local("s\(Self.depth - 1)")])
        #expect(report.rootCause.chain(to: report.rootCause.origins[0]).count == Self.depth)
        // 99 host boundaries: going a -> b the child starts 2 units before its parent; going
        // b -> a it ends 2 units after it.
        let skew = report.clockSkew.findings
        #expect(skew.count == 99)
        #expect(skew.filter { $0.startsEarlyBy == Nanoseconds(2_000) && $0.endsLateBy == .zero }.count == 50)
        #expect(skew.filter { $0.endsLateBy == Nanoseconds(2_000) && $0.startsEarlyBy == .zero }.count == 49)
        #expect(report.diagnostics.contains { $0.kind == .clockSkew })
        // The adjusted view moves each host-b stretch back into place, carrying the shift down.
        let adjustment = report.adjustment!
        #expect(adjustment.shifts[trace.local("s1000")] != 0)
        #expect(adjustment.shifts[trace.local("s1999")] == adjustment.shifts[trace.local("s1000")])
        #expect(adjustment.notes[trace.local("s1500")] == .inherited(shift: adjustment.shift(of: trace.local("s1000"))))
    }
}
