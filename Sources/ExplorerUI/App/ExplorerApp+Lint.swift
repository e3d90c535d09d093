import TerminalCore
import TraceAnalysis
import TraceModel
import TraceWorkspace

extension ExplorerApp {
    /// `I`: the open trace's lint findings (Tab: every trace's), or from the list every
    /// trace's: what `trex lint --trace` and `trex lint` print.
    func openLint() -> LoopAction {
        guard case .ready(let list) = phase else { return .none }
        if let screen = traceScreen {
            lint = LintScreen(traceReport: screen.subject.lint(), traceLabel: screen.trace.shownID)
        } else {
            guard let report = lintEveryTrace(list.workspace) else { return .redraw }
            lint = LintScreen(setReport: report)
        }
        updatePages()
        return .redraw
    }

    func performInLint(_ command: Command) -> LoopAction {
        guard var screen = lint, case .ready(let list) = phase else { return .none }
        let effect = screen.perform(command)
        lint = screen
        switch effect {
        case .none: return .none
        case .redraw: return .redraw
        case .flash(let message): flash = message
        case .needSetReport:
            if let report = lintEveryTrace(list.workspace) { lint?.show(setReport: report) }
        case .open(let traceID, let spanID):
            lint = nil
            openTrace(traceID, at: spanID, in: list.workspace)
        }
        return .redraw
    }

    /// Every trace's findings, or nil with the reason in the status line.
    private func lintEveryTrace(_ workspace: Workspace) -> LintReport? {
        do {
            return try workspace.lint()
        } catch {
            flash = "Cannot read the traces to lint them: \(error)"
            return nil
        }
    }

    /// Goes to a span: in the open trace when it is there, else in its trace's waterfall over
    /// what is open (which goes on the back stack).
    func openTrace(_ traceID: TraceID, at spanID: SpanID, in workspace: Workspace) {
        if var screen = traceScreen, screen.trace.id == traceID {
            if let local = screen.trace.localIndex(of: spanID) {
                var from = screen
                from.panel = nil
                screen.select(span: local)
                if screen.selectedSpan != from.selectedSpan { pushBack(from) }
                traceScreen = screen
            }
            updatePages()
            return
        }
        if let screen = traceScreen {
            openLinkedTrace(traceID, span: spanID, from: screen, in: workspace)
            return
        }
        guard var screen = openWaterfall(traceID, filter: nil, in: workspace) else { return }
        if let local = screen.trace.localIndex(of: spanID) { screen.select(span: local) }
        backStack.removeAll()
        traceScreen = screen
        updatePages()
    }
}
