import TerminalCore

/// How a cell's grapheme is handed to curses: one or more wide-character strings (one per curses
/// cell), chosen so that curses, the terminal and `Buffer` agree on the columns used.
///
/// Terminals disagree about emoji sequences: tmux 3.3 draws ❤️ (heart + VS16) one column wide and
/// 👍🏽 four. So clusters whose width is uncertain are simplified to what every terminal draws the
/// same way: a ZWJ sequence or modified emoji to its first emoji, an emoji-presentation selector on
/// a narrow base to the base plus a space, a flag to its two regional indicators. Combining marks stay
/// attached (up to curses' limit of 4). Without a UTF-8 locale, anything beyond ASCII becomes `?`.
enum GraphemeEncoder {
    /// The strings (scalar values, without terminator) to write for `cell`, in order, left to right.
    static func pieces(for cell: Cell, isUTF8: Bool) -> [[UInt32]] {
        let width = Int(cell.width)
        let scalars = Array(cell.character.unicodeScalars)
        guard let first = scalars.first else { return Array(repeating: [0x20], count: width) }
        if !isUTF8 {
            if scalars.count == 1, first.isASCII { return [[first.value]] }
            // The views' own typographic symbols have ASCII stand-ins; anything else is `?`.
            if scalars.count == 1, width == 1, let ascii = ASCIIStandIns.byte(for: first) { return [[UInt32(ascii)]] }
            return Array(repeating: [0x3F], count: width)
        }
        if scalars.count == 1 { return [[first.value]] }
        if DisplayWidth.isRegionalIndicator(first), scalars.count >= 2, DisplayWidth.isRegionalIndicator(scalars[1]) {
            return [[first.value], [scalars[1].value]]
        }
        if DisplayWidth.isEmojiSequence(cell.character) {
            return DisplayWidth.of(first) == 2 ? [[first.value]] : [[first.value], [0x20]]
        }
        var pieces: [[UInt32]] = []
        var used = 0
        for scalar in scalars {
            let w = DisplayWidth.of(scalar)
            if w > 0 {
                pieces.append([scalar.value])
                used += w
            } else if !pieces.isEmpty, pieces[pieces.count - 1].count < 5, !isSelectorOrJoiner(scalar) {
                pieces[pieces.count - 1].append(scalar.value)
            }
        }
        if used == width { return pieces }
        if used < width { return pieces + Array(repeating: [0x20], count: width - used) }
        return Array(repeating: [0x3F], count: width)
    }

    /// Variation selectors and joiners, which curses must not attach on their own.
    private static func isSelectorOrJoiner(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (0xFE00...0xFE0F).contains(v) || v == 0x200D || v == 0x200C || (0xE0100...0xE01EF).contains(v)
    }
}
