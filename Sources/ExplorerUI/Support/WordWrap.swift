import TerminalCore

/// Prose wrapped at spaces to a width in columns; a word longer than the width is cut.
enum WordWrap {
    static func lines(_ text: String, width: Int, indent: String = "") -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = current.isEmpty ? (lines.isEmpty ? "" : indent) + word : current + " " + word
            if DisplayWidth.of(candidate) <= width || current.isEmpty {
                current = candidate
            } else {
                lines.append(current)
                current = indent + word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
