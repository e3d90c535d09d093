import TerminalCore
import TraceQuery
import TraceWorkspace

extension ExplorerApp {
    /// The prompt of the bar the sampling screen's `e` opens.
    static let samplingPrompt = "policies (head 1%; rate 10/s; tail QUERY; adaptive 10/s min 1)"

    /// `P`: the traces replayed through a plan fitted to them (what `trex sample` prints
    /// without policies).
    func openSampling() -> LoopAction {
        guard case .ready(let list) = phase else { return .none }
        return replaySampling(SamplingPlan([]), in: list.workspace)
    }

    func performInSampling(_ command: Command) -> LoopAction {
        guard var screen = sampling else { return .none }
        if screen.cursor.perform(command) {
            sampling = screen
            return .redraw
        }
        guard command == .editSamplingPlan else { return .none }
        filterBar = FilterBar(initial: screen.comparison.plan.written, prompt: Self.samplingPrompt, history: [], isQuery: false)
        return .redraw
    }

    /// The policies typed at the `e` prompt, replayed; or what is wrong with them.
    func replaySampling(written text: String) -> LoopAction {
        guard case .ready(let list) = phase else { return .none }
        do {
            let plan = try SamplingPlan.parse(written: text, seed: sampling?.comparison.seed ?? 1)
            guard !plan.requests.isEmpty else {
                flash = "No policy written: the plan fitted to the traces is shown."
                return replaySampling(SamplingPlan([]), in: list.workspace)
            }
            return replaySampling(plan, in: list.workspace)
        } catch {
            flash = "Policies: \(error)"
            return .redraw
        }
    }

    private func replaySampling(_ plan: SamplingPlan, in workspace: Workspace) -> LoopAction {
        do {
            sampling = SamplingScreen(try workspace.samplingComparison(plan))
            updatePages()
        } catch let diagnostic as QueryDiagnostic {
            flash = "Tail rule, \(diagnostic.description)"
        } catch {
            flash = "Cannot replay the traces: \(error)"
        }
        return .redraw
    }
}
