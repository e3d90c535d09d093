import TraceQuery

/// What Tab completes at the cursor of the filter bar: a field name where a field is expected,
/// or a value after `FIELD =` (`!=`, `=~`, `!~`). Found by a scan of the text before the cursor,
/// not a parse, so it works on the unfinished query being typed.
///
///     service.name = "chec|        value of the service, typed `chec`, the whole literal replaced
///     { span.http.ro|              a name, typed `span.http.ro`
///     duration > 1s && na|         a name, typed `na`
struct CompletionContext: Equatable {
    enum Target: Equatable {
        case name
        /// A value of the field, written so before the operator.
        case value(Field, written: String)
    }

    var target: Target
    /// The characters a completion replaces: the name, or the whole value literal (from its
    /// opening quote to its closing one, when there is one) under the cursor.
    var range: Range<Int>
    /// What is typed of the name or the value before the cursor (a string's content unescaped).
    var typed: String
    /// The cursor sits inside braces, where names are TraceQL's.
    var traceQL: Bool

    /// The operators after which a value is completed.
    static let valueOperators: Set<String> = ["=", "==", "!=", "=~", "!~"]

    /// The context at `cursor`, or nil where nothing is completed (inside a backquoted name,
    /// after a number's operator, after a whole value). O(length).
    static func at(_ text: [Character], cursor: Int) -> CompletionContext? {
        let scan = Scan(text, upTo: cursor)
        if scan.inQuotedName { return nil }
        if let open = scan.openString {
            var end = cursor
            var escaped = false
            while end < text.count {
                let c = text[end]
                end += 1
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { break }
            }
            guard let (field, written) = field(before: open, in: text, traceQL: scan.braces > 0) else { return nil }
            return CompletionContext(target: .value(field, written: written), range: open..<end,
                                     typed: unescaped(Array(text[open..<cursor])), traceQL: scan.braces > 0)
        }
        var start = cursor
        while start > 0, Lexer.isNameContinue(text[start - 1]) { start -= 1 }
        var end = cursor
        while end < text.count, Lexer.isNameContinue(text[end]) { end += 1 }
        let typed = String(text[start..<cursor])
        if let (field, written) = field(before: start, in: text, traceQL: scan.braces > 0) {
            return CompletionContext(target: .value(field, written: written), range: start..<end, typed: typed,
                                     traceQL: scan.braces > 0)
        }
        // A name starts the query, or follows an opening, an operator between conditions or a
        // keyword; a name right after a field or value is no place for another.
        if typed.isEmpty, let before = lastWord(before: start, in: text),
           !(["{", "(", ",", "&&", "||", "!"].contains(before) || ["and", "or", "not", "by"].contains(before.lowercased())) {
            return nil
        }
        if let first = typed.first, first.isASCII, first.isNumber { return nil }
        return CompletionContext(target: .name, range: start..<end, typed: typed, traceQL: scan.braces > 0)
    }

    /// The field written before a value operator ending just before `position` (spaces
    /// between), or nil.
    private static func field(before position: Int, in text: [Character], traceQL: Bool) -> (Field, String)? {
        var i = position
        while i > 0, text[i - 1] == " " { i -= 1 }
        var op = ""
        while i > 0, "=!~<>".contains(text[i - 1]) { op.insert(text[i - 1], at: op.startIndex); i -= 1 }
        guard valueOperators.contains(op) else { return nil }
        while i > 0, text[i - 1] == " " { i -= 1 }
        let end = i
        while i > 0, Lexer.isNameContinue(text[i - 1]) { i -= 1 }
        let written = String(text[i..<end])
        guard !written.isEmpty, let field = Field(written: written, traceQL: traceQL) else { return nil }
        return (field, written)
    }

    /// The word or symbol before `position` (spaces skipped): a name, or one punctuation
    /// character (two for `&&` and `||`); nil at the start.
    private static func lastWord(before position: Int, in text: [Character]) -> String? {
        var i = position
        while i > 0, text[i - 1] == " " { i -= 1 }
        guard i > 0 else { return nil }
        let end = i
        if Lexer.isNameContinue(text[i - 1]) {
            while i > 0, Lexer.isNameContinue(text[i - 1]) { i -= 1 }
        } else {
            i -= 1
            if i > 0, text[i - 1] == text[i], text[i] == "&" || text[i] == "|" { i -= 1 }
        }
        return String(text[i..<end])
    }

    /// The content of an unfinished string literal (`"ab\"c`), its escapes read as the lexer
    /// reads them; the text as it is when they do not lex.
    private static func unescaped(_ literal: [Character]) -> String {
        if let tokens = try? Lexer.tokenize(String(literal) + "\""), case .string(let value) = tokens.first?.kind {
            return value
        }
        return String(literal.dropFirst())
    }

    /// Where the text before the cursor stands: in a string (and where it opened), in a
    /// backquoted name, how many braces are open.
    private struct Scan {
        var openString: Int?
        var inQuotedName = false
        var braces = 0

        init(_ text: [Character], upTo cursor: Int) {
            var escaped = false
            for i in 0..<min(cursor, text.count) {
                let c = text[i]
                if escaped { escaped = false; continue }
                if openString != nil || inQuotedName {
                    if c == "\\" { escaped = true }
                    else if c == "\"", openString != nil { openString = nil }
                    else if c == "`", inQuotedName { inQuotedName = false }
                    continue
                }
                switch c {
                case "\"": openString = i
                case "`": inQuotedName = true
                case "{": braces += 1
                case "}": braces = max(0, braces - 1)
                default: break
                }
            }
        }
    }
}
