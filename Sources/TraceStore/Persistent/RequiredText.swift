/// Bytes every string passing a text test must contain, so a scan can skip most strings
/// without building a `String` or running a regex (Swift's `Regex` costs microseconds a match).
///
/// Only ASCII is used: an ASCII character in a pattern or a `contains` literal can only match
/// the same byte in the text (a Character built on it with a combining mark is a different
/// Character), while non-ASCII text may match other byte sequences under canonical equivalence.
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

    /// The longest run of literal ASCII characters a regex requires, read conservatively:
    /// nothing inside groups or classes, nothing made optional by `? * {`, no alternation, no
    /// inline flags (case-insensitive matching), no `\Q`. O(pattern).
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
            if depth > 0 {
                if c == UInt8(ascii: "\\") { i += 2; continue }
                if c == UInt8(ascii: "(") || c == UInt8(ascii: "[") { depth += 1 }
                if c == UInt8(ascii: ")") || c == UInt8(ascii: "]") { depth -= 1 }
                i += 1
                continue
            }
            var literal: UInt8?
            var width = 1
            if c == UInt8(ascii: "\\") {
                guard i + 1 < p.count else { return nil }
                let e = p[i + 1]
                width = 2
                // Escapes with arguments (\x41, \u{..}, \p{..}, back-references): give up.
                if "xupPNokgc0123456789".utf8.contains(e) { return nil }
                if "/.-_*+?()[]{}|^$\\ #:@!=<>,'\"&%~`;".utf8.contains(e) { literal = e }
            } else if c == UInt8(ascii: "{") {
                // A quantifier's bounds are not text.
                close()
                while i < p.count, p[i] != UInt8(ascii: "}") { i += 1 }
                i += 1
                continue
            } else if c == UInt8(ascii: "(") || c == UInt8(ascii: "[") {
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
