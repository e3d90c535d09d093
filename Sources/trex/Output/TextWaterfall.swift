import TerminalCore
import TraceModel

/// A trace as an indented text waterfall for `trex show`:
///
///     OFFSET  DURATION  SERVICE   SPAN                         TIMELINE
///        0ms     1.23s  frontend  GET /checkout                |██████████████████████|
///       12ms     1.18s  checkout  └─ POST /checkout            | █████████████████████|
///
/// Rows follow the tree (children by start time); orphans start their own fragment under a
/// "missing parent" note. An error span is marked with `!`.
struct TextWaterfall {
    var width: Int
    var unicode: Bool
    /// Indentation stops growing past this depth (deeper spans show their depth instead).
    var maxIndentDepth = 24

    func render(_ trace: Trace) -> String {
        let table = trace.table
        let tree = TraceTree(trace)
        let summary = TraceSummary(trace)
        let origin = summary.start
        var out = header(trace, summary)

        let barWidth = max(10, min(60, width / 3))
        let nameWidth = max(20, width - barWidth - 8 - 9 - 14 - 8)
        out += pad("OFFSET", 8, right: true) + " " + pad("DURATION", 8, right: true) + "  "
            + pad("SERVICE", 14) + " " + pad("SPAN", nameWidth) + " TIMELINE\n"

        // continues[d]: whether the ancestor at depth d still has siblings below it.
        var continues: [Bool] = []
        let orphanSet = Set(tree.orphans)
        for (position, local32) in tree.preorder.enumerated() {
            let local = Int(local32)
            let span = trace[local]
            let depth = Int(tree.depth[local])
            let isLast = isLastSibling(local, tree: tree)
            if continues.count <= depth { continues.append(contentsOf: repeatElement(false, count: depth + 1 - continues.count)) }
            continues[depth] = !isLast
            if orphanSet.contains(local32) {
                out += "        " + " " + "        " + "  " + pad("", 14) + " "
                    + "(missing parent \(span.parentSpanID.hex))\n"
            }
            let guide = guides(depth: depth, isLast: isLast, continues: continues)
            let marker = span.status == .error ? "! " : ""
            let name = guide + marker + table.strings[span.name].visiblyEscaped
            let offset = DurationFormat.string(span.start - origin, ascii: !unicode)
            let duration = DurationFormat.string(span.duration, ascii: !unicode)
            let bar = self.bar(start: span.start.fraction(from: origin, to: summary.end),
                               end: span.end.fraction(from: origin, to: summary.end), width: barWidth)
            out += pad(offset, 8, right: true) + " " + pad(duration, 8, right: true) + "  "
                + pad(table.serviceName(of: span).visiblyEscaped, 14) + " " + pad(name, nameWidth) + " " + bar + "\n"
            _ = position
        }
        return out
    }

    private func header(_ trace: Trace, _ s: TraceSummary) -> String {
        let strings = trace.table.strings
        let errors = s.errorCount == 0 ? "no errors" : s.errorCount == 1 ? "1 error" : "\(s.errorCount) errors"
        return "Trace \(trace.shownID.visiblyEscaped)  \(strings[s.rootService].visiblyEscaped): \(strings[s.rootName].visiblyEscaped)\n"
            + "Started \(TimestampFormat.utc(s.start)) UTC, took \(DurationFormat.string(s.duration, ascii: !unicode)), "
            + "\(s.spanCount) spans, \(s.services.count) services, \(errors)\n\n"
    }

    private func isLastSibling(_ local: Int, tree: TraceTree) -> Bool {
        let parent = Int(tree.parent[local])
        let siblings = parent >= 0 ? tree.children(of: parent) : tree.roots[...]
        return siblings.last.map { Int($0) == local } ?? true
    }

    private func guides(depth: Int, isLast: Bool, continues: [Bool]) -> String {
        guard depth > 0 else { return "" }
        let shown = min(depth, maxIndentDepth)
        var text = ""
        for level in 1..<shown { text += continues[level] ? (unicode ? "│  " : "|  ") : "   " }
        if depth > maxIndentDepth { text += "[\(depth)] " }
        text += isLast ? (unicode ? "└─ " : "`- ") : (unicode ? "├─ " : "|- ")
        return text
    }

    /// `start` and `end` are fractions of the trace (see `Timestamp.fraction`), so no time can
    /// overflow the bar's arithmetic.
    private func bar(start: Double, end: Double, width: Int) -> String {
        let from = min(width - 1, TimeMath.int(max(0, start) * Double(width)))
        var to = TimeMath.int((min(1, max(start, end)) * Double(width)).rounded(.up))
        to = min(width, max(to, from + 1))
        let fill = unicode ? "█" : "#"
        return "|" + String(repeating: " ", count: min(from, width - 1))
            + String(repeating: fill, count: to - min(from, width - 1))
            + String(repeating: " ", count: width - to) + "|"
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let cut = TextWidth.truncate(text, to: width)
        let spaces = String(repeating: " ", count: max(0, width - TextWidth.of(cut)))
        return right ? spaces + cut : cut + spaces
    }
}
