import TraceModel
import TraceWorkspace

extension WaterfallScreen {
    /// The same trace analysed again after more of its spans arrived (live): the report
    /// `trex analyze` gives now, with what the user set kept: the selected span at the same
    /// row of the screen, the folds (by span id), the in-trace filter, the critical path and
    /// skew toggles, the zoom and the detail pane. O(spans).
    func reloaded(with newer: AnalysisSubject) -> WaterfallScreen {
        var next = WaterfallScreen(subject: newer, filter: filterText.isEmpty ? nil : filterText)
        next.loadMessages = loadMessages
        next.page = page
        next.detailWidth = detailWidth
        next.showCritical = showCritical
        next.zoom = zoom
        if adjusted {
            next.adjustedInsights = TraceInsights(newer, tree: next.tree, adjusted: true)
            next.adjusted = true
        }
        let folded = Set(rows.collapsed.indices.filter { rows.collapsed[$0] }.compactMap { spanID(at: $0) })
        let positions = next.rows.collapsed.indices.filter { next.spanID(at: $0).map(folded.contains) ?? false }
        if !positions.isEmpty {
            next.changeAll { rows in for position in positions { rows.setCollapsed(position, true) } }
        }
        let row = cursor.selected - cursor.offset
        if let selected = selectedSpan, let local = next.trace.localIndex(of: trace[selected].spanID) {
            next.select(span: local)
            next.cursor.select(next.cursor.selected, atScreenRow: row)
        }
        next.detail = detail
        return next
    }

    /// The span id at a display position (nil on a "missing span" row).
    func spanID(at position: Int) -> SpanID? {
        guard case .span(let local) = rows.tree.nodes[position] else { return nil }
        return trace[Int(local)].spanID
    }
}
