/// One screen cell: a grapheme cluster, the columns it occupies and its style.
///
/// A wide character (width 2) is stored in its first cell; the cell to its right is a
/// continuation (width 0) that draws nothing. `Buffer` keeps the pair consistent.
public struct Cell: Hashable, Sendable {
    /// The grapheme drawn in the cell (a space for an empty cell).
    public var character: Character
    /// 1 for a normal cell, 2 for the first half of a wide character, 0 for the second half.
    public var width: UInt8
    /// How the cell is drawn.
    public var style: Style

    public init(_ character: Character = " ", width: UInt8 = 1, style: Style = .plain) {
        self.character = character
        self.width = width
        self.style = style
    }

    /// An empty cell with the default style.
    public static let blank = Cell()

    /// An empty cell with `style` (a blank that still shows a background or reverse video).
    public static func blank(_ style: Style) -> Cell { Cell(" ", width: 1, style: style) }

    /// Whether this is the right half of a wide character.
    public var isContinuation: Bool { width == 0 }

    /// Whether this is the left half of a wide character.
    public var isWide: Bool { width == 2 }

    /// The right half that follows a wide character drawn with `style`.
    static func continuation(_ style: Style) -> Cell { Cell(" ", width: 0, style: style) }
}
