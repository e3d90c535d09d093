import TerminalCore

/// A one-line text editor with Emacs/readline keys, for the filter bar.
public struct LineEditor: Sendable, Hashable {
    public private(set) var text: [Character]
    /// The cursor position, in characters (0...text.count).
    public private(set) var cursor: Int

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
        switch (key.code, key.modifiers) {
        case (.character(let c), let m) where m.subtracting(.shift).isEmpty && !DisplayWidth.isControl(c):
            text.insert(c, at: cursor)
            cursor += 1
            return .edited
        case (.backspace, _), (.character("h"), .control):
            guard cursor > 0 else { return .moved }
            text.remove(at: cursor - 1)
            cursor -= 1
            return .edited
        case (.delete, _), (.character("d"), .control):
            guard cursor < text.count else { return .moved }
            text.remove(at: cursor)
            return .edited
        case (.left, []), (.character("b"), .control):
            cursor = max(0, cursor - 1)
            return .moved
        case (.right, []), (.character("f"), .control):
            cursor = min(text.count, cursor + 1)
            return .moved
        case (.home, _), (.character("a"), .control):
            cursor = 0
            return .moved
        case (.end, _), (.character("e"), .control):
            cursor = text.count
            return .moved
        case (.character("u"), .control):
            text.removeAll()
            cursor = 0
            return .edited
        case (.character("k"), .control):
            text.removeSubrange(cursor...)
            return .edited
        case (.character("w"), .control):
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
    }

    /// The display column of the cursor (wide characters count two).
    public var cursorColumn: Int { DisplayWidth.of(String(text[..<cursor])) }
}
