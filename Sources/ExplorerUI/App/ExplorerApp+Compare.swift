import TerminalCore
import TraceAnalysis
import TraceModel
import TraceWorkspace

/// Trace compare in the explorer: `x` marks a trace as A (the selected one in the list, the
/// open one in a waterfall), `=` compares the trace at hand (B) with it, `B` compares the trace
/// at hand with the median of the traces with its root operation. The comparison is the one
/// `trex compare` prints (`ComparedSide`, `TraceComparison`).
extension ExplorerApp {
    /// The baseline's traces at most (the nearest in start time), as `trex compare --baseline`.
    static let baselineLimit = 1_000

    /// The trace a compare key is about: the open trace, else the list's selected trace.
    private var traceAtHand: TraceID? {
        if let traceScreen { return traceScreen.trace.id }
        guard case .ready(let list) = phase, let index = list.state.selectedTrace else { return nil }
        return list.traceID(at: index)
    }

    /// `x`: marks the trace at hand as A, or unmarks it.
    func markForCompare() -> LoopAction {
        guard let id = traceAtHand else { return .none }
        if markedForCompare == id {
            markedForCompare = nil
            flash = "Unmarked trace \(id.shownHex.prefix(8))."
        } else {
            markedForCompare = id
            flash = "Marked trace \(id.shownHex.prefix(8)) as A: select or open another and press = to compare."
        }
        return .redraw
    }

    /// `=`: the trace at hand (B) against the marked one (A).
    func compareWithMarked() -> LoopAction {
        guard case .ready(let list) = phase, let id = traceAtHand else { return .none }
        guard let marked = markedForCompare else {
            flash = "Mark a trace with x first (or press B to compare with its baseline)."
            return .redraw
        }
        guard marked != id else {
            flash = "This is the marked trace: select or open another one to compare with it."
            return .redraw
        }
        do {
            let table = try list.workspace.loadTraces([marked, id])
            guard let a = table.traceIndex(of: marked).map(table.trace(at:)) else {
                flash = "The marked trace \(marked.shownHex.prefix(8)) is no longer there."
                return .redraw
            }
            guard let b = table.traceIndex(of: id).map(table.trace(at:)) else { return .none }
            let sideA = ComparedSide(name: "A", trace: a), sideB = ComparedSide(name: "B", trace: b)
            openCompare(CompareScreen(comparison: TraceComparison(sideA.tree, sideB.tree), a: sideA, b: sideB))
        } catch {
            flash = "Cannot read the traces to compare: \(error)"
        }
        return .redraw
    }

    /// `B`: the trace at hand against the median of the traces with its root operation.
    func compareWithBaseline() -> LoopAction {
        guard case .ready(let list) = phase, let id = traceAtHand else { return .none }
        do {
            let table = try list.workspace.loadTraces([id])
            guard let trace = table.traceIndex(of: id).map(table.trace(at:)) else { return .none }
            guard let sides = try list.workspace.baselineSides(for: trace, limit: Self.baselineLimit) else {
                flash = "No other trace has the root operation \(Workspace.rootOperationText(of: trace).visiblyEscaped): "
                    + "a baseline needs at least one."
                return .redraw
            }
            openCompare(CompareScreen(comparison: TraceComparison(sides.base.tree, sides.trace.tree), a: sides.base, b: sides.trace))
        } catch {
            flash = "Cannot read the traces for the baseline: \(error)"
        }
        return .redraw
    }

    private func openCompare(_ screen: CompareScreen) {
        compare = screen
        updatePages()
    }

    func performInCompare(_ command: Command) -> LoopAction {
        guard var screen = compare else { return .none }
        let changed = screen.perform(command)
        compare = screen
        return changed ? .redraw : .none
    }
}
