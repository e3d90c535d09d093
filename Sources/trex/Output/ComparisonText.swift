import TerminalCore
import TraceAnalysis
import TraceModel
import TraceWorkspace

/// `trex compare` as text: the two sides and how much they differ overall, the paths whose own
/// time changed most, then the merged tree as a table (siblings biggest difference first) and
/// a legend. Every name from the data is escaped: table cells by `TextTable`, prose here.
struct ComparisonText {
    let comparison: TraceComparison
    let a: ComparedSide
    let b: ComparedSide

    /// Levels indented; deeper paths are drawn at this indentation with their depth in brackets,
    /// so a chain 100,000 deep does not print gigabytes of spaces.
    static let indentedLevels = 16

    /// Writes the text in chunks (a tree of a million paths is never one string).
    func write(to output: (String) -> Void) {
        output(header())
        table().write(to: output)
        output(legend())
    }

    // MARK: - Header

    private func header() -> String {
        var out = a.headline.visiblyEscaped + "\n" + b.headline.visiblyEscaped + "\n" + comparison.differenceLine(a: a, b: b) + "\n"
        if !comparison.nodes.contains(where: { $0.isInA && $0.isInB }) {
            out += "No path is in both: their roots differ, so nothing below them lines up.\n"
        }
        out += "\n"

        let changes = comparison.largestSelfTimeChanges(limit: 5)
        if changes.isEmpty {
            out += "No path's own time (self time) changed.\n\n"
        } else {
            out += "Largest changes in self time:\n"
            var rows = TextTable([.init("  SELF DIFF", .right), .init("PATH")])
            for i in changes {
                rows.append([TraceComparison.signed(comparison.nodes[i].selfTimeDelta), pathLabel(i)])
            }
            out += rows.render() + "\n"
        }
        return out
    }

    /// `checkout POST /api/checkout > payment charge`: the last three operations of a path.
    private func pathLabel(_ node: Int) -> String {
        let path = comparison.path(to: node)
        let shown = path.suffix(3).map(TraceComparison.label).joined(separator: " > ")
        return path.count > 3 ? "… > " + shown : shown
    }

    // MARK: - The tree

    private func table() -> TextTable {
        var text = TextTable([
            .init(""), .init("PATH", maxWidth: 90),
            .init("\(a.name) N", .right), .init("\(a.name) TIME", .right),
            .init("\(b.name) N", .right), .init("\(b.name) TIME", .right),
            .init("DIFF", .right), .init("DIFF%", .right), .init("SELF DIFF", .right), .init("CRIT"),
        ])
        for node in comparison.nodes {
            // `*` where the path is in both and the critical path moved: a path of one side only
            // is marked by `-`/`+` already, and CRIT says whether it is critical there.
            let moved = node.isInA && node.isInB && node.criticalPathDiffers
            let mark = (node.isOnlyInA ? "-" : node.isOnlyInB ? "+" : " ") + (moved ? "*" : " ")
            let shownDepth = min(node.depth, Self.indentedLevels)
            let indent = String(repeating: "  ", count: shownDepth) + (node.depth > shownDepth ? "[\(node.depth)] " : "")
            let critical = [node.isCriticalInA ? a.name : nil, node.isCriticalInB ? b.name : nil].compactMap { $0 }
            text.append([
                mark, indent + TraceComparison.label(node.key),
                node.isInA ? NumberFormat.grouped(node.a.count) : "-",
                node.isInA ? DurationFormat.string(node.a.duration) : "-",
                node.isInB ? NumberFormat.grouped(node.b.count) : "-",
                node.isInB ? DurationFormat.string(node.b.duration) : "-",
                TraceComparison.signed(node.durationDelta), change(node), TraceComparison.signed(node.selfTimeDelta),
                critical.joined(separator: " "),
            ])
        }
        return text
    }

    /// The change of a path's time relative to A's: `+167%`, `-4.5%`, `new` where A has none.
    private func change(_ node: TraceComparison.Node) -> String {
        if let ratio = node.durationChange { return TraceComparison.percent(ratio) }
        return node.b.duration > .zero ? "new" : ""
    }

    // MARK: - Legend

    private func legend() -> String {
        var out = "\n- only in \(a.name)   + only in \(b.name)   * in both, on one side's critical path only   "
            + "CRIT: on whose critical path the spans are\n"
        out += "N: spans at the path   TIME: their total duration   DIFF: \(b.name) - \(a.name)   "
            + "DIFF%: of \(a.name)'s TIME   SELF DIFF: the change in their self time\n"
        out += "Paths are (service, operation) from the root; siblings are sorted by the size of DIFF, biggest first."
        if comparison.nodes.contains(where: { $0.depth > Self.indentedLevels }) {
            out += "\n[N]: a path N levels deep (indentation stops at \(Self.indentedLevels))."
        }
        if a.tree.figures.traceCount > 1 {
            out += "\n\(a.name): each figure of each path is its median over the \(NumberFormat.count(a.tree.figures.traceCount, "trace")) "
                + "(0 where a trace lacks the path); a path in no more than half of them is left out (docs/analysis.md)."
        }
        return out + "\n"
    }
}
