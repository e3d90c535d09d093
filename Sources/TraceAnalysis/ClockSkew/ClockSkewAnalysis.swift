import TraceModel

/// Detects clock skew in a trace from the raw times, and estimates it per parent/child
/// service pair.
///
/// Skew needs evidence that a clock is off, not merely a call that ran long. A child on
/// another host (another `ClockDomains` domain) is evidence when it starts before its parent:
/// no caller can be called before it calls. A synchronous child that starts inside its parent
/// and only ends after it is evidence only when its service pair shows the same offset
/// consistently: at least `AnalysisThresholds.consistentLateCalls` such calls, shorter than
/// their callers, that one shift of the child's clock would put inside every caller (and no
/// call of the pair that contradicts it). Otherwise the caller most likely gave up (a timeout)
/// while the callee kept working: that is `outlives-parent`, never skew (`lateChildren` lists
/// them for that rule).
///
/// Children on the parent's own clock never count as skew (their odd timing is a different
/// diagnostic). O(n) plus O(v log v) for the medians of v violations.
public struct ClockSkewAnalysis: Sendable {
    /// Every cross-clock child that does not fit its parent, by the child's start.
    public let findings: [ClockSkewFinding]
    /// One estimate per (parent service, child service) pair with at least one violation,
    /// most violations first.
    public let estimates: [SkewEstimate]
    /// Cross-clock synchronous children that start inside their parent and end after it
    /// without evidence of skew (see above), by local index: the caller stopped waiting.
    public let lateChildren: [Int]

    public init(_ trace: Trace, tree: TraceTree? = nil, domains: ClockDomains? = nil) {
        let tree = tree ?? TraceTree(trace)
        let domains = domains ?? ClockDomains(trace.table)
        let table = trace.table
        var findings: [ClockSkewFinding] = []

        struct Accumulator {
            var key: UInt64
            var pairs = 0
            /// Children that start before their parent: skew whatever else the pair shows.
            var early: [ClockSkewFinding] = []
            /// Children that start inside and end after their parent: skew only if consistent.
            var late: [ClockSkewFinding] = []
            var lower = Int64.min
            var upper = Int64.max

            /// Late-only children count as skew when the pair already shows early starts, or
            /// when enough of them agree on one shift that moves the child's clock back.
            var lateIsSkew: Bool {
                if !early.isEmpty { return true }
                guard late.count >= AnalysisThresholds.consistentLateCalls,
                      !late.contains(where: \.childLongerThanParent) else { return false }
                return lower <= upper && upper < 0
            }
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
                    let finding = ClockSkewFinding(
                        parent: p, child: i, startsEarlyBy: Nanoseconds(early), endsLateBy: Nanoseconds(late),
                        suggestedShift: Nanoseconds(shift), childLongerThanParent: longer)
                    if early > 0 { accumulators[lastSlot].early.append(finding) } else { accumulators[lastSlot].late.append(finding) }
                }
            }
        }

        var estimates: [SkewEstimate] = []
        var lateChildren: [Int] = []
        for acc in accumulators {
            var skewed = acc.early
            if acc.lateIsSkew { skewed += acc.late } else { lateChildren += acc.late.map(\.child) }
            guard !skewed.isEmpty else { continue }
            findings += skewed
            let sorted = skewed.map(\.suggestedShift.value).sorted()
            estimates.append(SkewEstimate(
                parentService: StringID(UInt32(acc.key >> 32)), childService: StringID(UInt32(acc.key & 0xffff_ffff)),
                pairs: acc.pairs, violations: skewed.count,
                medianShift: Nanoseconds(Percentiles.nearestRank(50, ofSorted: sorted)),
                consistentShifts: acc.lower <= acc.upper ? acc.lower...acc.upper : nil))
        }
        estimates.sort {
            ($0.violations, $1.parentService.rawValue, $1.childService.rawValue)
                > ($1.violations, $0.parentService.rawValue, $0.childService.rawValue)
        }
        findings.sort { $0.child < $1.child }
        self.findings = findings
        self.estimates = estimates
        self.lateChildren = lateChildren.sorted()
    }
}
