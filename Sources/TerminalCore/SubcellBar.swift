/// Cells of a horizontal bar with sub-cell precision, drawn with eighth blocks.
///
/// A bar from column 3.25 to 7.5 covers cell 3 from its second quarter, cells 4-6 fully and
/// cell 7 half. Unicode has left-aligned eighth blocks only, so a cell covered up to its right
/// edge but not from its left one is drawn `inverted`: the block of the uncovered eighths, with
/// foreground and background swapped (the usual trick). A bar too short to cover an eighth still
/// shows one, so a 3 ms span in a 4 s trace stays visible.
public struct SubcellBar: Hashable, Sendable {
    /// One cell of a bar.
    public struct Piece: Hashable, Sendable {
        /// The column.
        public var x: Int
        /// What to draw.
        public var glyph: String
        /// Whether to swap foreground and background (the glyph then shows the uncovered part).
        public var inverted: Bool
    }

    /// The pieces of a bar from `start` to `end` (in columns, fractions allowed), left to right.
    ///
    /// Columns are clipped to `0..<limit` when a limit is given. With the ASCII glyphs, whole cells
    /// only: a cell at least half covered is a `#`, and a bar covering no half cell is one `|`. O(length).
    ///
    /// `printable`: for text without attributes (`trex show`), where reverse video is lost: a
    /// cell covered only on its right is drawn as the right-hand block nearest its cover (`▕`,
    /// `▐` or `█`) instead of an inverted left block. `mark`: whether a bar too short to cover
    /// any drawn part still gets one mark (not for sections drawn over a bar).
    public static func pieces(from start: Double, to end: Double, glyphs: Glyphs, limit: Int? = nil,
                              printable: Bool = false, mark: Bool = true) -> [Piece] {
        guard start.isFinite, end.isFinite else { return [] }
        var from = Int((max(0, start) * 8).rounded(.down))
        var to = Int((max(0, end) * 8).rounded(.up))
        if let limit { to = min(to, limit * 8) }
        if to <= from { to = from + 1 }
        if let limit, from >= limit * 8 { from = max(0, limit * 8 - 1); to = limit * 8 }
        guard to > from else { return [] }
        var pieces: [Piece] = []
        var best: (x: Int, covered: Int) = (from / 8, 0)
        for column in (from / 8)...((to - 1) / 8) {
            let a = max(from - column * 8, 0)
            let b = min(to - column * 8, 8)
            let covered = b - a
            if covered > best.covered { best = (column, covered) }
            if !glyphs.hasEighthBlocks {
                if covered >= 4 { pieces.append(Piece(x: column, glyph: glyphs.fullBlock, inverted: false)) }
                continue
            }
            if a == 0 {
                pieces.append(Piece(x: column, glyph: glyphs.eighths[b - 1], inverted: false))
            } else if b == 8 && printable {
                let glyph = covered >= 6 ? glyphs.fullBlock : covered >= 3 ? "▐" : "▕"
                pieces.append(Piece(x: column, glyph: glyph, inverted: false))
            } else if b == 8 {
                pieces.append(Piece(x: column, glyph: glyphs.eighths[a - 1], inverted: true))
            } else {
                pieces.append(Piece(x: column, glyph: glyphs.eighths[max(1, covered) - 1], inverted: false))
            }
        }
        if pieces.isEmpty && mark { pieces.append(Piece(x: best.x, glyph: glyphs.eighths[0], inverted: false)) }
        return pieces
    }
}
