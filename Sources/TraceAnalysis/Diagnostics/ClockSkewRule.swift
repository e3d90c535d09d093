import TraceModel

/// `clock-skew`: one diagnostic per (parent service, child service) pair whose cross-host
/// calls do not fit in their callers, with the skew estimate. The spans are the children that
/// stick out. O(findings).
enum ClockSkewRule {
    static func find(_ context: AnalysisContext, analysis: ClockSkewAnalysis) -> [Diagnostic] {
        let table = context.table
        let trace = context.trace
        var childrenByPair: [UInt64: [ClockSkewFinding]] = [:]
        for f in analysis.findings {
            let key = UInt64(table.serviceID(of: trace[f.parent]).rawValue) << 32
                | UInt64(table.serviceID(of: trace[f.child]).rawValue)
            childrenByPair[key, default: []].append(f)
        }
        return analysis.estimates.map { estimate in
            let key = UInt64(estimate.parentService.rawValue) << 32 | UInt64(estimate.childService.rawValue)
            let findings = childrenByPair[key] ?? []
            let first = findings[0]
            let parentName = table.strings[estimate.parentService]
            let childName = table.strings[estimate.childService]
            let parentHost = context.domains.label(of: trace[first.parent])
            let childHost = context.domains.label(of: trace[first.child])
            let early = findings.filter { $0.startsEarlyBy > .zero }.count
            let late = findings.filter { $0.endsLateBy > .zero }.count
            var what: [String] = []
            if early > 0 { what.append("\(early) start\(early == 1 ? "s" : "") before \(early == 1 ? "its" : "their") parent") }
            if late > 0 { what.append("\(late) end\(late == 1 ? "s" : "") after \(late == 1 ? "its" : "their") parent") }
            var message = "\(childName) (\(childHost)) called from \(parentName) (\(parentHost)): "
                + "\(estimate.violations) of \(SpanLabel.count(estimate.pairs, "call")) do not fit in the caller ("
                + what.joined(separator: ", ") + "). "
            let median = estimate.medianShift
            message += "\(childName)'s clock looks \(DurationFormat.string(median.magnitude)) "
                + (median.value >= 0 ? "behind" : "ahead")
                + " (centring shift \(Self.signed(median))"
            if let minimum = estimate.minimumSkew {
                message += "; at least \(Self.signed(minimum)) explains every call"
            } else {
                message += "; no single shift explains every call: the skew or the latency varies"
            }
            message += "). Times are shown as recorded; the adjusted view shifts them"
            if findings.contains(where: \.childLongerThanParent) {
                message += " (a child longer than its caller cannot be centred: it is only moved so it does not "
                    + "start first)"
            }
            return Diagnostic(.clockSkew, .warning, spans: findings.map(\.child), message)
        }
    }

    private static func signed(_ s: Nanoseconds) -> String {
        (s.value >= 0 ? "+" : "") + DurationFormat.string(s)
    }
}
