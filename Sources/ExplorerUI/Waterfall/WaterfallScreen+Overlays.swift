import TerminalCore
import TraceAnalysis
import TraceModel
import TraceQuery
import TraceStore
import TraceWorkspace

/// What is drawn over the waterfall: the raw JSON view and the panels, and their keys.
extension WaterfallScreen {
    // MARK: - The raw JSON view

    /// Keys while the raw JSON is shown; nil for those it leaves to the screen (Esc, q, help).
    mutating func performInRaw(_ command: Command) -> Effect? {
        guard var open = raw else { return nil }
        let page = max(1, self.page)
        switch command {
        case .moveDown: open.scroll(by: 1, page: page)
        case .moveUp: open.scroll(by: -1, page: page)
        case .pageDown, .halfPageDown: open.scroll(by: page, page: page)
        case .pageUp, .halfPageUp: open.scroll(by: -page, page: page)
        case .first: open.scroll(by: -open.lines.count, page: page)
        case .last: open.scroll(by: open.lines.count, page: page)
        case .toggleDetail:
            guard let span = selectedSpan else { return .redraw }
            open = RawJSON(open.scope == .span ? .trace : .span, span: span, of: trace)
        case .copyValue:
            return .copy(open.text)
        case .openFilter:
            return .openRawSearch(open.search)
        case .nextMatch:
            if !open.findNext(page: page) { return .flash(open.search.isEmpty ? "Press / to search." : "\"\(open.search)\" is not there.") }
        default:
            return nil
        }
        raw = open
        return .redraw
    }

    /// Searches the raw JSON for `text` from the top of what is shown; returns the status message.
    mutating func searchRaw(_ text: String) -> String {
        guard var open = raw else { return "" }
        open.search = text
        open.match = nil
        let found = open.findNext(page: max(1, page))
        raw = open
        return found ? "n: the next \"\(text)\"" : "\"\(text)\" is not there."
    }

    // MARK: - Panels

    /// Keys while a panel is open: moving in it, Enter to its entry's span; nil for the keys
    /// it leaves to the screen (Esc, q, help).
    mutating func performInPanel(_ command: Command) -> Effect? {
        guard var open = panel else { return nil }
        switch command {
        case .moveDown: open.cursor.move(by: 1)
        case .moveUp: open.cursor.move(by: -1)
        case .pageDown, .halfPageDown: open.cursor.pageDown()
        case .pageUp, .halfPageUp: open.cursor.pageUp()
        case .first: open.cursor.home()
        case .last: open.cursor.end()
        case .toggleCollapse, .expand:
            guard let span = open.selected?.span else { return .flash("This entry has no span to go to.") }
            panel = nil
            select(span: span)
            return .redraw
        case .showFindings, .showCriticalTime, .showBreakdown:
            panel = nil
            return perform(command)
        case .toggleDetail where open.kind == .breakdown:
            panel = open.nextBreakdown(insights.report)
            return .redraw
        default:
            return nil
        }
        panel = open
        return .redraw
    }
}
