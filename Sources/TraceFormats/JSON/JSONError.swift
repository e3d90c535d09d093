/// A syntax error in JSON input, at a byte offset of the (decompressed) input.
///
/// Semantic problems (a span without an id, a number where a string was expected) are not
/// `JSONError`s: decoders turn those into warnings and carry on. A `JSONError` means the bytes
/// cannot be read as JSON from its offset on.
struct JSONError: Error, Sendable {
    /// 0-based byte offset of the offending byte (the input length for an unexpected end).
    var offset: Int
    var problem: Problem

    enum Problem: Sendable, Equatable {
        /// The input ended inside a value.
        case unexpectedEnd
        /// A byte that cannot appear here; `expected` says what could.
        case unexpected(UInt8, expected: StaticString)
        /// A raw control character (below 0x20) inside a string.
        case controlCharacterInString
        /// A backslash escape that JSON does not define.
        case badEscape
        /// A malformed number.
        case badNumber
        /// Objects or arrays nested deeper than `JSONScanner.maxDepth`.
        case tooDeep

        static func == (a: Problem, b: Problem) -> Bool {
            switch (a, b) {
            case (.unexpectedEnd, .unexpectedEnd), (.controlCharacterInString, .controlCharacterInString),
                 (.badEscape, .badEscape), (.badNumber, .badNumber), (.tooDeep, .tooDeep):
                return true
            case (.unexpected(let x, let e), .unexpected(let y, let f)):
                return x == y && e.description == f.description
            default:
                return false
            }
        }
    }

    /// A short English description: "expected ',' or '}' but found 'x'".
    var message: String {
        switch problem {
        case .unexpectedEnd: return "unexpected end of input (truncated?)"
        case .unexpected(0x0A, let expected): return "expected \(expected) but the line ends (a truncated record?)"
        case .unexpected(let byte, let expected): return "expected \(expected) but found \(Self.show(byte))"
        case .controlCharacterInString: return "raw control character inside a string"
        case .badEscape: return "invalid escape sequence in a string"
        case .badNumber: return "malformed number"
        case .tooDeep: return "nesting deeper than \(JSONScanner.maxDepth) levels"
        }
    }

    /// A byte as a quoted character, or as hex when it is not printable ASCII.
    static func show(_ byte: UInt8) -> String {
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        let digits = Array("0123456789abcdef")
        return "byte 0x\(digits[Int(byte >> 4)])\(digits[Int(byte & 0xF)])"
    }
}
