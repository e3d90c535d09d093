/// The name of a role a view draws with ("selection", "error"), resolved to a style by a `Palette`.
///
/// Views name roles, never colours. The generic roles below are what the terminal layer itself
/// needs; higher layers add their own (`extension ThemeRole { static let critical: ThemeRole = "critical" }`).
public struct ThemeRole: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(_ name: String) { self.rawValue = name }

    public var description: String { rawValue }

    /// Ordinary text.
    public static let text: ThemeRole = "text"
    /// Secondary, de-emphasised text.
    public static let dim: ThemeRole = "dim"
    /// The selected row.
    public static let selection: ThemeRole = "selection"
    /// Titles and headers.
    public static let title: ThemeRole = "title"
    /// Borders and rules.
    public static let border: ThemeRole = "border"
    /// The status line at the bottom.
    public static let status: ThemeRole = "status"
    /// Errors.
    public static let error: ThemeRole = "error"
    /// Warnings.
    public static let warning: ThemeRole = "warning"
    /// Text matching a search.
    public static let match: ThemeRole = "match"
}
