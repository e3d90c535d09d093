import CRE2

/// A regular expression compiled by RE2, which matches in time linear in the text, whatever the
/// pattern: `(a+)+$` or `.*.*.*c` cannot make a span name take exponential time.
///
/// The dialect is RE2's (Go's `regexp`, what TraceQL users know from Tempo): a match covers the
/// whole text, `.` matches a newline (as if the pattern began `(?s)`), `(?i)` ignores case, and
/// the pattern and the text are UTF-8 read as code points (`.` matches one `é` or one emoji code
/// point, never a grapheme cluster). Backreferences, lookaround, atomic groups and possessive
/// quantifiers are refused: RE2 leaves them out to guarantee linear time.
///
/// Immutable once compiled; RE2 allows concurrent matching on one compiled pattern.
public final class LinearRegex: @unchecked Sendable {
    /// The memory RE2 may use for one pattern's program and the caches of its automata
    /// (RE2's default): a larger pattern is refused with `RegexRefusal.tooLarge` instead of
    /// growing without bound. Matching stays linear when a cache fills; it only gets slower.
    public static let memoryLimit: Int64 = 8 << 20

    /// The pattern as written.
    public let pattern: String
    private let compiled: OpaquePointer

    /// Compiles a pattern. O(pattern), bounded by `memoryLimit`.
    ///
    /// - Throws: `RegexRefusal` when RE2 refuses the pattern, saying why.
    public init(_ pattern: String) throws(RegexRefusal) {
        self.pattern = pattern
        var error = trex_re2_error()
        var text = pattern
        let regex = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) {
                trex_re2_compile($0.baseAddress, $0.count, Self.memoryLimit, &error)
            }
        }
        guard let regex else { throw RegexRefusal(pattern: pattern, error: error) }
        compiled = regex
    }

    deinit { trex_re2_free(compiled) }

    /// Whether the whole text matches. O(text).
    public func matches(_ text: String) -> Bool {
        if let answer = text.utf8.withContiguousStorageIfAvailable({ matches(utf8: UnsafeRawBufferPointer($0)) }) {
            return answer
        }
        var copy = text
        return copy.withUTF8 { matches(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// Whether the whole of some UTF-8 bytes matches, read in place. O(bytes).
    public func matches(utf8 bytes: UnsafeRawBufferPointer) -> Bool {
        trex_re2_full_match(compiled, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count) != 0
    }
}
