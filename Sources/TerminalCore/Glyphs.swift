/// The characters used for lines, trees, markers and bars, in a Unicode and an ASCII set.
///
/// `Glyphs.unicode` needs a UTF-8 locale; `Glyphs.ascii` (also forced with `NcursesOptions.asciiOnly`) draws the same shapes with plain ASCII
/// for terminals that cannot show anything else. Every glyph is one column wide, except the ASCII
/// ellipsis. Pick with `Glyphs.forUTF8(_:)` using the backend's capabilities.
public struct Glyphs: Hashable, Sendable {
    // MARK: - Lines and boxes

    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    /// A tick on a horizontal rule (┬): the time axis' marks.
    public var teeDown: String
    /// The junction of a vertical line and a branch to the right (├).
    public var teeRight: String
    /// The junction of a vertical line and a branch to the left (┤).
    public var teeLeft: String

    // MARK: - Trees

    /// A child that has siblings after it (├).
    public var treeBranch: String
    /// The last child (└ or `).
    public var treeLast: String
    /// The guide of an ancestor that has more children below (│).
    public var treeVertical: String
    /// The stub from a guide to the node (─).
    public var treeHorizontal: String
    /// The marker of an expanded node (▾ or -).
    public var expanded: String
    /// The marker of a collapsed node (▸ or +).
    public var collapsed: String

    // MARK: - Markers

    /// Marks cut text (… or ~).
    public var ellipsis: String
    /// Ascending sort order (▲ or ^).
    public var sortAscending: String
    /// Descending sort order (▼ or v).
    public var sortDescending: String
    /// A bullet (• or *).
    public var bullet: String

    // MARK: - Bars

    /// Left-aligned partial blocks for 1 to 8 eighths of a cell; the last is a full block.
    public var eighths: [String]
    /// A faint fill for the empty part of a track (░ or .).
    public var shade: String
    /// Whether partial blocks are real eighth blocks (false for the ASCII set, which rounds to cells).
    public var hasEighthBlocks: Bool

    /// The full block (█ or #).
    public var fullBlock: String { eighths[7] }

    /// The block covering `n` eighths of a cell from the left (1...8); nil for 0.
    public func eighthBlock(_ n: Int) -> String? {
        guard n > 0 else { return nil }
        return eighths[min(n, 8) - 1]
    }

    /// The Unicode set (box drawing, block elements, geometric shapes).
    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        teeDown: "┬", teeRight: "├", teeLeft: "┤",
        treeBranch: "├", treeLast: "└", treeVertical: "│", treeHorizontal: "─",
        expanded: "▾", collapsed: "▸",
        ellipsis: "…", sortAscending: "▲", sortDescending: "▼", bullet: "•",
        eighths: ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"], shade: "░", hasEighthBlocks: true
    )

    /// The ASCII set, for terminals or locales without UTF-8.
    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        teeDown: "+", teeRight: "|", teeLeft: "|",
        treeBranch: "|", treeLast: "`", treeVertical: "|", treeHorizontal: "-",
        expanded: "-", collapsed: "+",
        ellipsis: "~", sortAscending: "^", sortDescending: "v", bullet: "*",
        eighths: ["|", "|", "|", "#", "#", "#", "#", "#"], shade: ".", hasEighthBlocks: false
    )

    /// The Unicode set when the locale's character set is UTF-8, else the ASCII one.
    public static func forUTF8(_ isUTF8: Bool) -> Glyphs { isUTF8 ? .unicode : .ascii }
}
