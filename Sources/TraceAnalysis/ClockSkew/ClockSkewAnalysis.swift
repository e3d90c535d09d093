import TraceModel

/// Detects clock skew in a trace from the raw times: children on another host (another
/// `ClockDomains` domain) that start before their parent, or end after a parent that waits
/// for them; and estimates the skew per parent/child service pair.
///
/// Children on the parent's own clock never count as skew (their odd timing is a different
/// diagnostic). O(n) plus O(v log v) for the medians of v violations.
public struct ClockSkewAnalysis: Sendable {
    /// Every cross-clock child that does not fit its parent, by the child's start.
    public let findings: [ClockSkewFinding]
    /// One estimate per (parent service, child service) pair with at least one violation,
    /// most violations first.
    public let estimates: [SkewEstimate]

    public init(_ trace: Trace, tree: TraceTree? = nil, domains: ClockDomains? = nil) {
        let tree = tree ?? TraceTree(trace)
        let domains = domains ?? ClockDomains(trace.table)
        let table = trace.table
        var findings: [ClockSkewFinding] = []

        struct Accumulator {
            var key: UInt64
            var pairs = 0
            var shifts: [Int64] = []
            var lower = Int64.min
            var upper = Int64.max
        }
        var slotOfPair: [UInt64: Int] = [:]
        var accumulators: [Accumulator] = []
        var lastKey = UInt64.max
        var lastSlot = -1

        table.spans.withUnsafeBufferPointer { all in
            let base = trace.spanRange.lowerBound
            for i in 0..<tree.count {
                let p = Int(tree.parent[i])
                guard p >= 0 else { continue }
                let child = all[base + i]
                let parent = all[base + p]
                guard !domains.shareClock(child, parent) else { continue }
                let cs = child.start.unixNanos, ce = child.end.unixNanos
                let ps = parent.start.unixNanos, pe = parent.end.unixNanos
                let synchronous = SpanRelation(child: child, parent: parent) == .synchronous
                let longer = TimeMath.subtract(ce, cs) > TimeMath.subtract(pe, ps)
                let key = UInt64(table.serviceID(of: parent).rawValue) << 32 | UInt64(table.serviceID(of: child).rawValue)
                if key != lastKey {
                    lastKey = key
                    if let slot = slotOfPair[key] {
                        lastSlot = slot
                    } else {
                        lastSlot = accumulators.count
                        slotOfPair[key] = lastSlot
                        accumulators.append(Accumulator(key: key))
                    }
                }
                accumulators[lastSlot].pairs += 1
                accumulators[lastSlot].lower = max(accumulators[lastSlot].lower, TimeMath.subtract(ps, cs))
                if synchronous, !longer { accumulators[lastSlot].upper = min(accumulators[lastSlot].upper, TimeMath.subtract(pe, ce)) }

                let early = max(0, TimeMath.subtract(ps, cs))
                let late = synchronous ? max(0, TimeMath.subtract(ce, pe)) : 0
                if early > 0 || late > 0 {
                    let shift = SkewDelta.compute(childStart: cs, childEnd: ce, parentStart: ps, parentEnd: pe).shift
                    findings.append(ClockSkewFinding(
                        parent: p, child: i, startsEarlyBy: Nanoseconds(early), endsLateBy: Nanoseconds(late),
                        suggestedShift: Nanoseconds(shift), childLongerThanParent: longer))
                    accumulators[lastSlot].shifts.append(shift)
                }
            }
        }

        var estimates: [SkewEstimate] = []
        for acc in accumulators where !acc.shifts.isEmpty {
            let sorted = acc.shifts.sorted()
            estimates.append(SkewEstimate(
                parentService: StringID(UInt32(acc.key >> 32)), childService: StringID(UInt32(acc.key & 0xffff_ffff)),
                pairs: acc.pairs, violations: acc.shifts.count,
                medianShift: Nanoseconds(Percentiles.nearestRank(50, ofSorted: sorted)),
                consistentShifts: acc.lower <= acc.upper ? acc.lower...acc.upper : nil))
        }
        estimates.sort {
            ($0.violations, $1.parentService.rawValue, $1.childService.rawValue)
                > ($1.violations, $0.parentService.rawValue, $0.childService.rawValue)
        }
        self.findings = findings
        self.estimates = estimates
    }
}
