/// A half-open range of *character* offsets into a query's text, 0-based.
///
/// Characters (Swift `Character`, extended grapheme clusters) are what a person sees and counts,
/// so a caret placed at `lowerBound` lines up under the problem even after a `µs` or an
/// accented attribute value. Use `String.index(_:offsetBy:)` on the query to turn an offset into
/// a `String.Index`.
public struct SourceRange: Hashable, Sendable {
    /// The first character of the range.
    public var lowerBound: Int
    /// One past the last character of the range (equal to `lowerBound` for an empty range,
    /// such as the end of the query).
    public var upperBound: Int

    public init(_ lowerBound: Int, _ upperBound: Int) {
        self.lowerBound = lowerBound
        self.upperBound = max(lowerBound, upperBound)
    }

    /// An empty range at one offset.
    public static func at(_ offset: Int) -> SourceRange { SourceRange(offset, offset) }

    /// The number of characters covered.
    public var count: Int { upperBound - lowerBound }

    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(min(lowerBound, other.lowerBound), max(upperBound, other.upperBound))
    }
}

extension SourceRange: CustomStringConvertible {
    public var description: String { "\(lowerBound)..<\(upperBound)" }
}
