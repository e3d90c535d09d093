/// A problem with a query, as a value: what is wrong, where, what would have been accepted,
/// and the likely fix.
///
/// A diagnostic never holds the query text; `rendered(query:)` draws it under the query for a
/// terminal (the CLI prints that), and the TUI filter bar draws `range` and `message` its own
/// way. Offsets are *characters*, 0-based (see `SourceRange`); messages say "column N" 1-based,
/// as people count.
public struct QueryDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// Which step found the problem.
    public enum Stage: String, Sendable, Hashable {
        /// Characters that make no token (an unterminated string, a stray `#`).
        case lexing
        /// Tokens in an order the grammar does not allow.
        case parsing
        /// A well-formed query that means nothing: a type mismatch, an unknown status name, a
        /// bad regular expression.
        case checking
    }

    public var stage: Stage
    /// One sentence, lower-case first word, no trailing period.
    public var message: String
    /// The characters at fault; empty at the end of the query.
    public var range: SourceRange
    /// What would have been accepted at `range`, each item as it would be typed or described
    /// (`"a value"`, `"`)`"`); empty when the problem is not a missing token.
    public var expected: [String]
    /// Replacement text for `range` that probably fixes the query (`duration` for `Duraton`),
    /// or nil.
    public var suggestion: String?

    public init(_ stage: Stage, _ message: String, at range: SourceRange, expected: [String] = [],
                suggestion: String? = nil) {
        self.stage = stage
        self.message = message
        self.range = range
        self.expected = expected
        self.suggestion = suggestion
    }

    /// The 0-based character offset where the problem starts.
    public var column: Int { range.lowerBound }

    /// `column 5: expected a value after `>``: the message with its 1-based column.
    public var description: String { "column \(column + 1): \(message)" }

    /// The query with `suggestion` applied, or nil when there is no suggestion.
    public func fixed(query: String) -> String? {
        guard let suggestion else { return nil }
        let chars = Array(query)
        let lo = min(range.lowerBound, chars.count)
        let hi = min(range.upperBound, chars.count)
        return String(chars[..<lo]) + suggestion + String(chars[hi...])
    }
}
