/// Turns query text into tokens, each with the character range it came from.
///
/// Whitespace (spaces, tabs, newlines) separates tokens and is otherwise ignored. Keywords are
/// recognised in any case; names keep their spelling. The lexer stops at the first problem and
/// reports it as a `QueryDiagnostic` (stage `.lexing`). Also usable on its own, for example to
/// colour a query as it is typed.
public struct Lexer {
    let chars: [Character]
    var position = 0

    public init(_ text: String) {
        chars = Array(text)
    }

    /// Every token of a query, ending with one `.end` token. O(length).
    public static func tokenize(_ text: String) throws(QueryDiagnostic) -> [Token] {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    /// The next token; `.end` (repeatedly) once the text is used up.
    public mutating func next() throws(QueryDiagnostic) -> Token {
        while let c = peek(), c.isWhitespace { position += 1 }
        let start = position
        guard let c = peek() else { return Token(.end, .at(start), "") }

        if Self.isNameStart(c) { return try lexName(from: start) }
        if Self.isDigit(c) { return try lexNumber(from: start) }
        switch c {
        case "\"": return try lexString(from: start)
        case "`": return try lexQuotedName(prefix: "", from: start)
        case ".":
            if let n = peek(1), Self.isDigit(n) { return try lexNumber(from: start) }
            if let n = peek(1), Self.isNameStart(n) { return try lexName(from: start) }
            if peek(1) == "`" { position += 1; return try lexQuotedName(prefix: ".", from: start) }
            if peek(1) == "\"" { position += 1; return try lexStringQuotedName(prefix: ".", from: start) }
            throw .unexpectedCharacter(".", at: SourceRange(start, start + 1))
        case "-":
            if let n = peek(1), Self.isDigit(n) || (n == "." && peek(2).map(Self.isDigit) == true) {
                return try lexNumber(from: start)
            }
            return try lexSymbol(c, from: start)
        default:
            return try lexSymbol(c, from: start)
        }
    }

    // MARK: - Names

    private mutating func lexName(from start: Int) throws(QueryDiagnostic) -> Token {
        position += 1
        while let c = peek(), Self.isNameContinue(c) { position += 1 }
        let text = String(chars[start..<position])
        // `span.` or `resource.` (or any prefix ending in a dot) right before a backtick: a scoped
        // quoted name. The parser decides whether the prefix is a scope it knows.
        if text.hasSuffix("."), peek() == "`" { return try lexQuotedName(prefix: text, from: start) }
        // TraceQL's form of the same: `span."foo bar"`, `."foo bar"`.
        if text.hasSuffix("."), peek() == "\"" { return try lexStringQuotedName(prefix: text, from: start) }
        if let keyword = Keyword(rawValue: text.lowercased()) {
            return Token(.keyword(keyword), SourceRange(start, position), text)
        }
        return Token(.name(text), SourceRange(start, position), text)
    }

    /// Lexes `` `...` `` starting at the backtick under `position`; `start` is where the whole
    /// token (with its prefix) began. Inside, `` \` ``, `\\` and `\u{...}` are the escapes.
    private mutating func lexQuotedName(prefix: String, from start: Int) throws(QueryDiagnostic) -> Token {
        let open = position
        position += 1
        var name = ""
        while true {
            guard let c = peek() else {
                position = open
                throw .unterminatedQuotedName(at: SourceRange(open, chars.count))
            }
            position += 1
            if c == "`" { break }
            if c == "\\", let n = peek(), n == "`" || n == "\\" {
                name.append(n)
                position += 1
            } else if c == "\\", peek() == "u" {
                position += 1
                name.unicodeScalars.append(try lexUnicodeEscape(from: position - 2))
            } else {
                name.append(c)
            }
        }
        if name.isEmpty { throw .emptyQuotedName(at: SourceRange(open, position)) }
        return Token(.quotedName(prefix: prefix, name: name), SourceRange(start, position),
                     String(chars[start..<position]))
    }

    /// TraceQL's quoted attribute name, `span."foo bar"`: the double-quoted string under
    /// `position` (with the string escapes) as a quoted name after `prefix`.
    private mutating func lexStringQuotedName(prefix: String, from start: Int) throws(QueryDiagnostic) -> Token {
        let string = try lexString(from: position)
        guard case .string(let name) = string.kind, !name.isEmpty else { throw .emptyQuotedName(at: string.range) }
        return Token(.quotedName(prefix: prefix, name: name), SourceRange(start, position), String(chars[start..<position]))
    }

    // MARK: - Strings

    /// A double-quoted string. Escapes: `\"` `\\` `\n` `\t` `\r` `\0` `\uXXXX` `\u{X...}`.
    private mutating func lexString(from start: Int) throws(QueryDiagnostic) -> Token {
        position += 1
        var value = ""
        while true {
            guard let c = peek() else { throw .unterminatedString(at: SourceRange(start, chars.count)) }
            let escapeStart = position
            position += 1
            if c == "\"" { break }
            guard c == "\\" else { value.append(c); continue }
            guard let e = peek() else { throw .unterminatedString(at: SourceRange(start, chars.count)) }
            position += 1
            switch e {
            case "\"": value.append("\"")
            case "\\": value.append("\\")
            case "n": value.append("\n")
            case "t": value.append("\t")
            case "r": value.append("\r")
            case "0": value.append("\0")
            case "u": value.unicodeScalars.append(try lexUnicodeEscape(from: escapeStart))
            default: throw .unknownEscape(String(e), at: SourceRange(escapeStart, position))
            }
        }
        return Token(.string(value), SourceRange(start, position), String(chars[start..<position]))
    }

    /// The scalar of `\uXXXX` or `\u{X...}`; `position` is just after the `u`.
    private mutating func lexUnicodeEscape(from escapeStart: Int) throws(QueryDiagnostic) -> Unicode.Scalar {
        var digits = ""
        if peek() == "{" {
            position += 1
            while let c = peek(), c != "}", c != "\"", digits.count <= 8 { digits.append(c); position += 1 }
            if peek() == "}" { position += 1 } else { digits = "" }
        } else {
            while digits.count < 4, let c = peek(), c.isHexDigit { digits.append(c); position += 1 }
            if digits.count != 4 { digits = "" }
        }
        guard !digits.isEmpty, let v = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(v) else {
            throw .badUnicodeEscape(at: SourceRange(escapeStart, position))
        }
        return scalar
    }

    // MARK: - Symbols

    private mutating func lexSymbol(_ c: Character, from start: Int) throws(QueryDiagnostic) -> Token {
        let n = peek(1)
        let symbol: Symbol
        switch c {
        case "=": symbol = n == "=" ? .doubleEqual : (n == "~" ? .regexMatch : .equal)
        case "!":
            switch n {
            case "=": symbol = .notEqual
            case "~": symbol = .regexNoMatch
            case ">": symbol = peek(2) == ">" ? .bangDoubleGreater : .bangGreater
            case "<": symbol = peek(2) == "<" ? .bangDoubleLess : .bangLess
            default: symbol = .bang
            }
        case ">": symbol = n == ">" ? .doubleGreater : (n == "=" ? .greaterOrEqual : .greater)
        case "<": symbol = n == "<" ? .doubleLess : (n == "=" ? .lessOrEqual : .less)
        case "&":
            switch n {
            case "&": symbol = .doubleAmpersand
            case ">": symbol = peek(2) == ">" ? .ampersandDoubleGreater : .ampersandGreater
            case "<": symbol = peek(2) == "<" ? .ampersandDoubleLess : .ampersandLess
            case "~": symbol = .ampersandTilde
            default: throw .singleAmpersand(at: SourceRange(start, start + 1))
            }
        case "|": symbol = n == "|" ? .doubleBar : .bar
        case "~": symbol = .tilde
        case "(": symbol = .leftParen
        case ")": symbol = .rightParen
        case "{": symbol = .leftBrace
        case "}": symbol = .rightBrace
        case ",": symbol = .comma
        case "+": symbol = .plus
        case "-": symbol = .minus
        case "*": symbol = .star
        case "/": symbol = .slash
        case "%": symbol = .percent
        case "^": symbol = .caret
        default: throw .unexpectedCharacter(String(c), at: SourceRange(start, start + 1))
        }
        position += symbol.rawValue.count
        return Token(.symbol(symbol), SourceRange(start, position), symbol.rawValue)
    }

    // MARK: - Characters

    @inline(__always) func peek(_ ahead: Int = 0) -> Character? {
        position + ahead < chars.count ? chars[position + ahead] : nil
    }

    static func isDigit(_ c: Character) -> Bool { c >= "0" && c <= "9" && c.isASCII }

    static func isNameStart(_ c: Character) -> Bool {
        if c.isASCII { return c.isLetter || c == "_" }
        return c.isLetter
    }

    /// A character a name goes on with (letters, digits, `_ . - :`): public for tools that find
    /// the name under a cursor (the filter bar's completion).
    public static func isNameContinue(_ c: Character) -> Bool {
        isNameStart(c) || isDigit(c) || c == "." || c == "-" || c == ":"
    }
}
