/// Drawing a diagnostic under its query for a terminal, in the manner of expr-lang and gojq:
///
///     error: a field compared with a duration must be a duration field (column 1)
///       Duraton > 5s AND service.name="checkout"
///       ^~~~~~~
///       help: did you mean `duration`?
extension QueryDiagnostic {
    /// The diagnostic as lines of plain text: the message with its 1-based column, the query line
    /// holding the problem, a caret line (`^` at the first character, `~` under the rest of the
    /// range), then `expected:` and `help:` lines when there is something to say. Tabs in the
    /// query are kept in the caret line so the caret stays aligned. O(query length).
    public func rendered(query: String) -> String {
        let chars = Array(query)
        let start = min(max(0, range.lowerBound), chars.count)
        let end = min(max(start, range.upperBound), chars.count)

        // The line of the query that holds `start`.
        var lineStart = start
        while lineStart > 0, !chars[lineStart - 1].isNewline { lineStart -= 1 }
        var lineEnd = start
        while lineEnd < chars.count, !chars[lineEnd].isNewline { lineEnd += 1 }
        let lineNumber = chars[..<lineStart].filter(\.isNewline).count + 1
        let multiline = chars.contains(where: \.isNewline)

        var caret = ""
        for c in chars[lineStart..<start] { caret.append(c == "\t" ? "\t" : " ") }
        caret.append("^")
        let underline = max(0, min(end, lineEnd) - start - 1)
        caret += String(repeating: "~", count: underline)

        let place = multiline ? "line \(lineNumber), column \(start - lineStart + 1)" : "column \(start + 1)"
        var lines = ["error: \(message) (\(place))"]
        lines.append("  " + String(chars[lineStart..<lineEnd]))
        lines.append("  " + caret)
        if !expected.isEmpty { lines.append("  expected: " + Self.list(expected)) }
        if let suggestion { lines.append("  help: did you mean `\(suggestion)`?") }
        return lines.joined(separator: "\n")
    }

    /// "a, b or c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " or " + items[items.count - 1]
        }
    }
}
