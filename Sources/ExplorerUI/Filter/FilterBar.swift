import TerminalCore
import TraceQuery

/// The filter bar's state: the text being typed, its live diagnosis and history recall.
///
/// Typing re-validates on every key; a bad query keeps the bar open and shows the error with a
/// caret under its column. Its keys are `Keymaps.filterBar` (Enter applies, Esc cancels,
/// Up/Down walk the history, the editing keys of readline).
public struct FilterBar: Sendable {
    public var editor: LineEditor
    /// The parse/check error of the current text, nil when it is valid (or empty).
    public private(set) var diagnostic: QueryDiagnostic?
    /// What the filter applies to, shown as the prompt ("filter traces", "find spans").
    public let prompt: String
    private var history: HistoryCursor

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
    }

    public mutating func handle(_ key: Key) -> Outcome {
        switch Keymaps.filterBar.command(for: key) {
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

    private mutating func validate() {
        let text = editor.string
        guard isQuery else { diagnostic = nil; return }
        guard !text.trimmingSpaces.isEmpty else { diagnostic = nil; return }
        switch Query.result(text) {
        case .success: diagnostic = nil
        case .failure(let error): diagnostic = error
        }
    }
}
