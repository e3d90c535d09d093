import CRE2

/// Why RE2 refused a pattern: a sentence for the user and the part of the pattern to blame.
public struct RegexRefusal: Error, Sendable, Equatable {
    /// What is wrong, as a sentence fragment: "backreferences (`\1`) are not supported: trex uses RE2,
    /// which matches in linear time", or RE2's own words for a plain syntax error.
    public var reason: String
    /// The characters of the pattern RE2 blames (`\1`, `(?=`, `++`), empty when it names none.
    public var fragment: String
    /// The offset, in characters, of `fragment` in the pattern; nil when it cannot be found.
    public var offset: Int?

    /// Whether RE2 refused a feature (backreferences, lookaround ...) rather than a typo.
    public var refusesFeature: Bool { reason.hasSuffix(Self.linearTime) }

    /// The clause every refusal of a feature ends with.
    static let linearTime = "trex uses RE2, which matches in linear time"

    init(pattern: String, error: trex_re2_error) {
        let message = Self.text(error.message)
        fragment = Self.text(error.fragment)
        offset = fragment.isEmpty ? nil : Self.offset(of: fragment, in: pattern)
        var after = ""
        if let offset {
            after = String(pattern.dropFirst(offset + fragment.count).prefix(1))
        }
        reason = Self.reason(code: Int(error.code), message: message, fragment: fragment, next: after)
    }

    /// The sentence for an RE2 error code (`re2::RE2::ErrorCode`) and the fragment it blames.
    static func reason(code: Int, message: String, fragment: String, next: String) -> String {
        let badEscape = 2, repeatOp = 11, badPerlOp = 12, tooLarge = 15
        switch code {
        case badEscape:
            let escaped = fragment.dropFirst().first
            if let escaped, escaped.isNumber || escaped == "k" || escaped == "g" {
                return "backreferences (`\(fragment)`) are not supported: \(linearTime)"
            }
        case badPerlOp:
            switch fragment {
            case "(?=", "(?!": return "lookahead is not supported: \(linearTime)"
            case "(?<" where next == "=" || next == "!": return "lookbehind is not supported: \(linearTime)"
            case "(?<": return "named groups are written (?P<name>...)"
            case "(?>": return "atomic groups are not supported: \(linearTime)"
            default: break
            }
        case repeatOp:
            if fragment.count >= 2, fragment.hasSuffix("+") {
                return "possessive quantifiers are not supported: \(linearTime)"
            }
        case tooLarge:
            return "the pattern is too large: RE2 compiles at most \(LinearRegex.memoryLimit >> 20) MB of it"
        default: break
        }
        return message.isEmpty ? "RE2 refused it" : message
    }

    /// The character offset of the first occurrence of `fragment` in `pattern`. O(n·m).
    private static func offset(of fragment: String, in pattern: String) -> Int? {
        guard let range = pattern.firstRange(of: fragment) else { return nil }
        return pattern.distance(from: pattern.startIndex, to: range.lowerBound)
    }

    /// A NUL-terminated C buffer in a tuple, as text.
    private static func text<T>(_ tuple: T) -> String {
        withUnsafeBytes(of: tuple) { raw in
            let end = raw.firstIndex(of: 0) ?? raw.count
            return String(decoding: raw[..<end], as: UTF8.self)
        }
    }
}
