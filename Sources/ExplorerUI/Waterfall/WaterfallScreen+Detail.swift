import TerminalCore
import TraceAnalysis
import TraceModel
import TraceQuery
import TraceStore
import TraceWorkspace

/// The span detail pane: its content for the selected row, its keys, following links.
extension WaterfallScreen {
    /// The detail pane's content for the selected row: a span's, or a missing span's.
    var selectedDetail: SpanDetail? {
        if let span = selectedSpan { return SpanDetail(screen: self, span: span) }
        if let p = selectedPosition, case .missingParent(let id) = rows.tree.nodes[p] {
            return SpanDetail(screen: self, missing: id, position: p)
        }
        return nil
    }

    mutating func performInDetail(_ command: Command) -> Effect? {
        guard var state = detail, let content = selectedDetail else { return nil }
        let lines = content.lines
        let rows = SpanDetailRows(content, valueWidth: SpanDetailRows.valueWidth(paneWidth: detailWidth,
                                                                              longestLabel: content.longestLabel),
                                  labelWidth: SpanDetailRows.labelWidth(innerWidth: detailWidth - 2,
                                                                        longestLabel: content.longestLabel),
                                  innerWidth: detailWidth - 2)
        switch command {
        case .moveDown: state.move(1, over: rows)
        case .moveUp: state.move(-1, over: rows)
        case .pageDown, .halfPageDown: state.move(10, over: rows)
        case .pageUp, .halfPageUp: state.move(-10, over: rows)
        case .first: state.select(0, count: lines.count)
        case .last: state.move(rows.rows.count, over: rows)
        case .copyValue:
            guard lines.indices.contains(state.selected), let value = lines[state.selected].copyValue else {
                return .flash("Nothing to copy on this line.")
            }
            return .copy(value)
        case .followLink:
            guard lines.indices.contains(state.selected), let link = lines[state.selected].link else {
                return .flash("Not a link: move to a line under Links and press Enter.")
            }
            return follow(link)
        default:
            return nil
        }
        detail = state
        return .redraw
    }

    mutating func follow(_ link: SpanLink) -> Effect {
        if link.traceID == trace.id, let local = tree.localIndex(of: link.spanID, in: trace) {
            // The linked span's detail from its top: its heading, what is wrong with it.
            detail = SpanDetailState()
            select(span: local)
            return .flash("Followed the link to span \(link.spanID.hex).")
        }
        return .openTrace(link.traceID, link.spanID)
    }
}

extension TraceTree {
    /// The local index of the first span with an id. O(n).
    func localIndex(of id: SpanID, in trace: Trace) -> Int? { trace.localIndex(of: id) }
}
