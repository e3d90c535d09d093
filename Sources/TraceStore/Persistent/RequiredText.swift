/// Bytes every string passing a text test must contain, so a scan can skip most strings
/// without building a `String` or running a regex.
///
/// Only ASCII is used: an ASCII character in a pattern or a `contains` literal can only match
/// the same byte in the text, however the text's other characters are composed, and an ASCII
/// byte is never part of another character's UTF-8.
enum RequiredText {
    /// For `contains` and `=~`, the longest run of ASCII bytes every passing string contains;
    /// nil when there is none worth searching for (shorter than 3 bytes) or it cannot be told.
    static func bytes(op: ComparisonOperatorKind, literal: String) -> [UInt8]? {
        switch op {
        case .contains:
            let bytes = Array(literal.utf8)
            return bytes.count >= 3 && bytes.allSatisfy({ $0 < 0x80 }) ? bytes : nil
        case .matches:
            return regexLiteral(literal)
        case .other:
            return nil
        }
    }

    enum ComparisonOperatorKind { case contains, matches, other }

    /// The longest run of literal ASCII characters a regex (RE2 syntax) requires, read
    /// conservatively: nothing inside groups or classes, nothing made optional by `? * {`, no
    /// alternation, no inline flags (case-insensitive matching), no `\Q`. O(pattern).
    static func regexLiteral(_ pattern: String) -> [UInt8]? {
        let p = Array(pattern.utf8)
        if p.contains(UInt8(ascii: "|")) || pattern.contains("(?") || pattern.contains("\\Q") { return nil }
        var best: [UInt8] = []
        var run: [UInt8] = []
        var depth = 0
        var i = 0
        func close() {
            if run.count > best.count { best = run }
            run = []
        }
        func optional(_ next: Int) -> Bool {
            guard next < p.count else { return false }
            return p[next] == UInt8(ascii: "?") || p[next] == UInt8(ascii: "*") || p[next] == UInt8(ascii: "{")
        }
        while i < p.count {
            let c = p[i]
            if c == UInt8(ascii: "[") {
                // A class is never text, and brackets or parentheses inside it nest nothing.
                close()
                i = classEnd(p, from: i)
                continue
            }
            if depth > 0 {
                if c == UInt8(ascii: "\\") { i += 2; continue }
                if c == UInt8(ascii: "(") { depth += 1 }
                if c == UInt8(ascii: ")") { depth -= 1 }
                i += 1
                continue
            }
            var literal: UInt8?
            var width = 1
            if c == UInt8(ascii: "\\") {
                guard i + 1 < p.count else { return nil }
                let e = p[i + 1]
                width = 2
                // Escapes with arguments (\x41, \x{..}, \p{..}, back-references): give up.
                if "xupPNokgc0123456789".utf8.contains(e) { return nil }
                if "/.-_*+?()[]{}|^$\\ #:@!=<>,'\"&%~`;".utf8.contains(e) { literal = e }
            } else if c == UInt8(ascii: "{") {
                // A quantifier's bounds are not text.
                close()
                while i < p.count, p[i] != UInt8(ascii: "}") { i += 1 }
                i += 1
                continue
            } else if c == UInt8(ascii: "(") {
                close()
                depth = 1
                i += 1
                continue
            } else if !".*+?}^$)]".utf8.contains(c), c < 0x80 {
                literal = c
            }
            if let literal, !optional(i + width) {
                run.append(literal)
            } else {
                close()
            }
            i += width
        }
        close()
        return best.count >= 3 ? best : nil
    }

    /// The index just past the class that opens at `start` (RE2 syntax: a `]` first, after an
    /// optional `^`, is a member; `[:alpha:]` nests; `\` escapes); `p.count` when unclosed.
    static func classEnd(_ p: [UInt8], from start: Int) -> Int {
        var i = start + 1
        if i < p.count, p[i] == UInt8(ascii: "^") { i += 1 }
        if i < p.count, p[i] == UInt8(ascii: "]") { i += 1 }
        while i < p.count {
            let c = p[i]
            if c == UInt8(ascii: "\\") { i += 2; continue }
            if c == UInt8(ascii: "]") { return i + 1 }
            if c == UInt8(ascii: "["), i + 1 < p.count, p[i + 1] == UInt8(ascii: ":") {
                var j = i + 2
                while j + 1 < p.count, !(p[j] == UInt8(ascii: ":") && p[j + 1] == UInt8(ascii: "]")) { j += 1 }
                if j + 1 < p.count { i = j + 2; continue }
            }
            i += 1
        }
        return p.count
    }

    /// Whether `needle` occurs in `haystack`. O(n·m) worst case, about O(n) on text.
    static func occurs(_ needle: [UInt8], in haystack: UnsafeRawBufferPointer) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return needle.isEmpty }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
