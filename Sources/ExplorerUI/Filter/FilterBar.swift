import TerminalCore
import TraceQuery

/// The filter bar's state: the text being typed, its live diagnosis and history recall.
///
/// Typing re-validates on every key; a bad query keeps the bar open and shows the error with a
/// caret under its column. Its keys are `Keymaps.filterBar` (Enter applies, Esc cancels,
/// Up/Down walk the history, Tab completes, the editing keys of readline).
public struct FilterBar: Sendable {
    public var editor: LineEditor
    /// The parse/check error of the current text, nil when it is valid (or empty).
    public private(set) var diagnostic: QueryDiagnostic?
    /// What the filter applies to, shown as the prompt ("filter traces", "find spans").
    public let prompt: String
    private var history: HistoryCursor
    /// The candidates of the last Tab when it found several (`FilterBar+Completion`); any key
    /// but Tab and Shift-Tab closes it.
    var completionMenu: CompletionMenu?
    /// A line above the bar until the next key: "looking up values of FIELD…", "no completion".
    var completionNote: String?

    /// Whether the text is a query (validated as typed); false for a plain prompt (a trace id).
    public let isQuery: Bool

    /// `initial` comes selected, so typing replaces it and the arrow keys edit it.
    public init(initial: String, prompt: String, history: [String], isQuery: Bool = true) {
        editor = LineEditor(initial)
        editor.selectAll()
        self.prompt = prompt
        self.isQuery = isQuery
        self.history = HistoryCursor(entries: history, draft: initial)
        validate()
    }

    /// What a key did to the bar.
    public enum Outcome: Equatable {
        case unchanged
        case changed
        /// Enter on a valid (possibly empty) query.
        case apply(String)
        case cancel
        /// Tab where nothing was being completed: the app completes with what it knows
        /// (`complete(_:from:)`).
        case complete
    }

    public mutating func handle(_ key: Key) -> Outcome {
        // The completion line stays only while Tab and Shift-Tab walk it.
        let hadCompletion = completionMenu != nil || completionNote != nil
        completionNote = nil
        let command = Keymaps.filterBar.command(for: key)
        if completionMenu != nil {
            switch command {
            case .completeNext, .completePrevious:
                cycleCompletion(command == .completeNext ? 1 : -1)
                return .changed
            case .cancelFilter:
                completionMenu = nil   // Esc closes the list, not the bar
                return .changed
            default:
                completionMenu = nil
            }
        }
        let outcome = handleEditing(key, command)
        return outcome == .unchanged && hadCompletion ? .changed : outcome
    }

    private mutating func handleEditing(_ key: Key, _ command: Command?) -> Outcome {
        switch command {
        case .completeNext:
            return isQuery ? .complete : .unchanged
        case .completePrevious:
            return .unchanged
        case .cancelFilter:
            return .cancel
        case .applyFilter:
            guard diagnostic == nil else { return .unchanged }
            return .apply(editor.string.trimmingSpaces)
        case .olderFilter:
            guard let entry = history.older() else { return .unchanged }
            editor.set(entry)
        case .newerFilter:
            guard let entry = history.newer() else { return .unchanged }
            editor.set(entry)
        default:
            switch editor.apply(key) {
            case .ignored: return .unchanged
            case .moved: return .changed
            case .edited: break
            }
        }
        validate()
        return .changed
    }

    mutating func validate() {
        let text = editor.string
        guard isQuery else { diagnostic = nil; return }
        guard !text.trimmingSpaces.isEmpty else { diagnostic = nil; return }
        switch Query.result(text) {
        case .success: diagnostic = nil
        case .failure(let error): diagnostic = error
        }
    }
}
