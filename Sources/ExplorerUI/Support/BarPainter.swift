import TerminalCore

/// Paints sub-cell bars (`SubcellBar`) into a buffer.
enum BarPainter {
    /// Paints a bar covering columns `start..<end` (fractions allowed) of a field at `x`, `y`
    /// of `width` columns. Cells the bar covers only on their right are drawn in reverse video,
    /// so the uncovered part shows the row's background.
    /// `printable` and `mark`: see `SubcellBar.pieces`.
    static func paint(from start: Double, to end: Double, x: Int, y: Int, width: Int, style: Style,
                      glyphs: Glyphs, printable: Bool = false, mark: Bool = true, into buffer: inout Buffer) {
        guard width > 0 else { return }
        for piece in SubcellBar.pieces(from: start, to: end, glyphs: glyphs, limit: width, printable: printable, mark: mark) {
            var cellStyle = style
            if piece.inverted { cellStyle.attributes.formSymmetricDifference(.reverse) }
            buffer.setString(piece.glyph, x: x + piece.x, y: y, style: cellStyle, maxWidth: 1)
        }
    }
}
