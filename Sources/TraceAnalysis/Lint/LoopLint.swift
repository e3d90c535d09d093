import TraceModel

/// Over-instrumentation: many sibling spans of one operation under one parent, a span per
/// iteration of a loop ("Mistake 2"). A group counts from `minimumSiblings` spans; the finding
/// says how many spans one batch span per loop would save and what share of its trace a loop
/// takes.
enum LoopLint {
    static let minimumSiblings = 10

    static func observe(_ c: LintTraceContext, into tallies: inout LintTallies) {
        let table = c.table
        for p in 0..<c.trace.spanCount where c.tree.childCount(of: p) >= minimumSiblings {
            var groups: [ServiceAndName: [Int]] = [:]
            for child in c.tree.children(of: p) {
                let span = c.trace[Int(child)]
                groups[ServiceAndName(service: table.serviceID(of: span), name: span.name), default: []].append(Int(child))
            }
            for (key, members) in groups where members.count >= minimumSiblings {
                let parent = c.trace[p]
                let subject = "\(table.strings[key.service]) \"\(table.strings[key.name])\" under \"\(table.name(of: parent))\""
                tallies[.spansInLoop, subject].note(c.trace[members[0]], in: table)
                tallies[.spansInLoop, subject].total += members.count
                tallies[.spansInLoop, subject].saved += members.count - 1
                tallies[.spansInLoop, subject].largestShare = max(tallies[.spansInLoop, subject].largestShare,
                                                                   Double(members.count) / Double(c.trace.spanCount))
            }
        }
    }

    struct ServiceAndName: Hashable {
        var service: StringID
        var name: StringID
    }

    static func finding(_ t: LintTally) -> LintFinding {
        let loops = t.count == 1 ? "one loop" : "\(t.count) loops"
        let largest = Int((t.largestShare * 100).rounded())
        return t.finding("\(t.subject): \(loops) of sibling spans (\(t.total) spans in \(SpanLabel.count(t.traceIDs.count, "trace")), "
            + "up to \(largest)% of a trace's spans); one span per loop would save \(SpanLabel.count(t.saved, "span")).")
    }
}
