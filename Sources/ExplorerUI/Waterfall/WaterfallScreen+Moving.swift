import TerminalCore
import TraceAnalysis
import TraceModel
import TraceQuery
import TraceStore
import TraceWorkspace

/// Moving the waterfall's selection: to a span, along the critical path, to errors and matches.
extension WaterfallScreen {
    mutating func select(position: Int) {
        rows.reveal(position)
        cursor.count = rows.count
        if let index = rows.visibleIndex(of: position) { cursor.select(index) }
    }

    mutating func select(span local: Int) {
        select(position: Int(rows.tree.positionOfSpan[local]))
    }

    mutating func keepSelection(_ position: Int) {
        cursor.count = rows.count
        if let index = rows.visibleIndex(of: position) { cursor.select(index) }
    }

    mutating func changeAll(_ change: (inout WaterfallRows) -> Void) {
        let keep = selectedPosition
        change(&rows)
        cursor.count = rows.count
        // Keep the selected row if still visible, else its nearest visible ancestor.
        var position = keep ?? 0
        while rows.visibleIndex(of: position) == nil, rows.tree.parentPosition[position] >= 0 {
            position = Int(rows.tree.parentPosition[position])
        }
        cursor.select(rows.visibleIndex(of: position) ?? 0)
    }

    /// Moves to the next/previous span (in tree order, wrapping) that satisfies `test`.
    mutating func jump(forward: Bool, what: String, _ test: (Int) -> Bool) -> Effect {
        let nodes = rows.tree.nodes
        guard !nodes.isEmpty else { return .none }
        let start = selectedPosition ?? 0
        for step in 1...nodes.count {
            let position = ((forward ? start + step : start - step) % nodes.count + nodes.count) % nodes.count
            if case .span(let local) = nodes[position], test(Int(local)) {
                select(position: position)
                return .redraw
            }
        }
        return .flash("No \(what) in this trace.")
    }

    /// `]`/`[`: the next/previous span along the critical path, in the order the path first
    /// reaches each span; a parent the path comes back to between its children is not visited
    /// again.
    mutating func stepCritical(forward: Bool) -> Effect {
        let spans = criticalSpansInOrder
        guard !spans.isEmpty else { return .flash("This trace has no critical path.") }
        var step: Int
        if let current = criticalStep, current < spans.count, spans[current] == selectedSpan {
            step = forward ? current + 1 : current - 1
        } else if let span = selectedSpan, let index = spans.firstIndex(of: span) {
            step = forward ? index + 1 : index - 1
        } else {
            step = forward ? 0 : spans.count - 1
        }
        step = min(max(step, 0), spans.count - 1)
        criticalStep = step
        select(span: spans[step])
        showCritical = true
        return .redraw
    }

    /// The critical path's spans, each once, in the order the path first reaches them.
    var criticalSpansInOrder: [Int] {
        var seen = Set<Int>()
        return insights.report.criticalPath.sections.map(\.span).filter { seen.insert($0).inserted }
    }

    /// `b`: the span with the most critical time, the bottleneck.
    mutating func goToBottleneck() -> Effect {
        guard let top = insights.report.criticalShares.first else { return .flash("This trace has no critical path.") }
        select(span: top.span)
        criticalStep = criticalSpansInOrder.firstIndex(of: top.span)
        showCritical = true
        return .redraw
    }
}
