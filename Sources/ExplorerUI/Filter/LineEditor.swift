import TerminalCore

/// A one-line text editor with Emacs/readline keys, for the filter bar.
public struct LineEditor: Sendable, Hashable {
    public private(set) var text: [Character]
    /// The cursor position, in characters (0...text.count).
    public private(set) var cursor: Int
    /// True while the whole text is selected (a reopened filter): the next character typed
    /// replaces it, Backspace or Delete clears it, a movement key keeps it and drops the selection.
    public private(set) var selectedAll = false

    public init(_ text: String = "") {
        self.text = Array(text)
        cursor = self.text.count
    }

    public var string: String { String(text) }

    /// What an edit did.
    public enum Outcome: Equatable {
        /// The text changed.
        case edited
        /// Only the cursor moved.
        case moved
        /// The key is not an editing key.
        case ignored
    }

    /// Applies an editing key: printable characters, Backspace, Delete, Left/Right,
    /// Home/End (ctrl-a/ctrl-e), ctrl-u (clear), ctrl-w (delete word), ctrl-k (kill to end).
    public mutating func apply(_ key: Key) -> Outcome {
        let replacing = selectedAll
        selectedAll = false
        if case .character(let c) = key.code, key.modifiers.subtracting(.shift).isEmpty, !DisplayWidth.isControl(c) {
            if replacing { text.removeAll(); cursor = 0 }
            text.insert(c, at: cursor)
            cursor += 1
            return .edited
        }
        guard let command = Keymaps.filterBar.command(for: key) else {
            selectedAll = replacing
            return .ignored
        }
        if replacing, command == .deleteBackward || command == .deleteForward { return perform(.clearLine) }
        return perform(command)
    }

    /// Selects the whole text (shown highlighted), cursor at the end.
    public mutating func selectAll() {
        selectedAll = !text.isEmpty
        cursor = text.count
    }

    /// An editing command of the filter bar's keymap (`Keymaps.filterBar`).
    public mutating func perform(_ command: Command) -> Outcome {
        switch command {
        case .deleteBackward:
            guard cursor > 0 else { return .moved }
            text.remove(at: cursor - 1)
            cursor -= 1
            return .edited
        case .deleteForward:
            guard cursor < text.count else { return .moved }
            text.remove(at: cursor)
            return .edited
        case .cursorLeft:
            cursor = max(0, cursor - 1)
            return .moved
        case .cursorRight:
            cursor = min(text.count, cursor + 1)
            return .moved
        case .lineStart:
            cursor = 0
            return .moved
        case .lineEnd:
            cursor = text.count
            return .moved
        case .clearLine:
            text.removeAll()
            cursor = 0
            return .edited
        case .deleteToLineEnd:
            text.removeSubrange(cursor...)
            return .edited
        case .deleteWordBackward:
            var start = cursor
            while start > 0, text[start - 1] == " " { start -= 1 }
            while start > 0, text[start - 1] != " " { start -= 1 }
            text.removeSubrange(start..<cursor)
            cursor = start
            return .edited
        default:
            return .ignored
        }
    }

    /// Replaces the whole text (history recall), cursor at the end.
    public mutating func set(_ newText: String) {
        text = Array(newText)
        cursor = text.count
        selectedAll = false
    }

    /// Replaces characters with text (a completion), the cursor `back` characters before the
    /// end of the new text (inside the quotes of a value).
    public mutating func replace(_ range: Range<Int>, with newText: String, cursorBack: Int = 0) {
        let lower = min(max(0, range.lowerBound), text.count)
        let upper = min(max(lower, range.upperBound), text.count)
        let inserted = Array(newText)
        text.replaceSubrange(lower..<upper, with: inserted)
        cursor = lower + max(0, inserted.count - cursorBack)
        selectedAll = false
    }

    /// The display column of the cursor (wide characters count two).
    public var cursorColumn: Int { DisplayWidth.of(String(text[..<cursor])) }
}
