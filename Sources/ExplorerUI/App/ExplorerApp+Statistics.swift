import TerminalCore
import TraceAnalysis
import TraceModel
import TraceWorkspace

extension ExplorerApp {
    /// `T`: the statistics of the whole workspace (what `trex stats` computes).
    func openStatistics() -> LoopAction {
        guard case .ready(let list) = phase else { return .none }
        var accumulator = TraceStatistics.Accumulator()
        do {
            try list.workspace.forEachBatch { accumulator.add($0) }
        } catch {
            flash = "Cannot read the traces for the statistics: \(error)"
            return .redraw
        }
        statistics = StatisticsScreen(accumulator.finish())
        updatePages()
        return .redraw
    }

    func performInStatistics(_ command: Command) -> LoopAction {
        guard var screen = statistics else { return .none }
        let effect = screen.perform(command)
        statistics = screen
        switch effect {
        case .none: return .none
        case .redraw: return .redraw
        case .filter(let query):
            statistics = nil
            return listTraces(matching: query, slowestFirst: true)
        case .compare(let windows):
            return compareStatistics(windows, label: "first half → second half")
        case .askForWindows:
            filterBar = FilterBar(initial: lastWrittenWindows, prompt: Self.windowsPrompt, history: [], isQuery: false)
            return .redraw
        }
    }

    /// The windows typed at the `w` prompt: compared, or a message saying what is wrong.
    func compareStatistics(written text: String) -> LoopAction {
        lastWrittenWindows = text
        let windows: StatisticsWindows
        do {
            windows = try StatisticsWindows.parse(text)
        } catch {
            flash = "Windows: \(error)"
            return .redraw
        }
        return compareStatistics(windows, label: text.split(separator: " ").joined(separator: " → ").visiblyEscaped)
    }

    /// Reads the workspace into the two windows and shows them compared.
    private func compareStatistics(_ windows: StatisticsWindows, label: String) -> LoopAction {
        guard case .ready(let list) = phase, statistics != nil else { return .none }
        do {
            guard let found = try list.workspace.statisticsComparison(windows) else {
                flash = "No traces to compare."
                return .redraw
            }
            guard found.traces.first > 0, found.traces.second > 0 else {
                flash = "A window holds no trace (\(NumberFormat.grouped(found.traces.first)) and "
                    + "\(NumberFormat.grouped(found.traces.second))): nothing to compare."
                return .redraw
            }
            statistics?.show(StatisticsScreen.Comparison(result: found.comparison, label: label, traces: found.traces))
        } catch {
            flash = "Cannot read the traces for the comparison: \(error)"
        }
        return .redraw
    }
}
