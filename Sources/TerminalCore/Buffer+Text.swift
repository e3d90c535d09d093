/// The buffer as plain text, for snapshot tests.
extension Buffer {
    /// The rows as text, each with trailing spaces trimmed, joined by newlines: exactly what
    /// `tmux capture-pane -p` prints for the same screen, minus its final newline. O(width x height).
    ///
    /// A wide character appears once (its continuation cell adds nothing), as in tmux.
    public var text: String {
        var lines: [String] = []
        lines.reserveCapacity(height)
        for y in 0..<height { lines.append(lineText(y)) }
        return lines.joined(separator: "\n")
    }

    /// Row `y` as text with trailing spaces trimmed. O(width).
    public func lineText(_ y: Int) -> String {
        var line = ""
        for cell in row(y) where !cell.isContinuation {
            line.append(cell.character)
        }
        while line.last == " " { line.removeLast() }
        return line
    }

    /// A buffer whose rows show `lines` in the default style (for expected values in tests).
    public init(lines: [String], width: Int? = nil) {
        let w = width ?? lines.map(\.displayWidth).max() ?? 0
        self.init(size: Size(width: w, height: lines.count))
        for (y, line) in lines.enumerated() { setString(line, x: 0, y: y) }
    }
}
