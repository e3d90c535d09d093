import TerminalCore

/// A grid of cells, each split into dots, that lines are plotted on: braille characters (2x4
/// dots a cell, U+2800 block) or, for terminals without UTF-8, ASCII (1x3: `'`, `-`, `_`).
///
/// Each cell keeps the union of its dots and the last series that set one (its colour), in
/// two flat arrays allocated once: plotting is integer arithmetic, no allocation per dot.
/// Coordinates are in dots from the top left; dots outside the grid are ignored.
struct DotCanvas {
    /// How a cell is divided into dots, and how a cell's dots are drawn.
    enum Kind: Sendable {
        /// 2 dots wide, 4 high: the braille patterns.
        case braille
        /// 1 dot wide, 3 high: `'` (top), `-` (middle), `_` (bottom), `|` or `:` for several.
        case ascii

        var dotsWide: Int { self == .braille ? 2 : 1 }
        var dotsHigh: Int { self == .braille ? 4 : 3 }
    }

    let kind: Kind
    /// The grid's size in cells.
    let columns: Int
    let rows: Int
    /// The cells' dots (bits as `bit(x:y:)` numbers them), row by row.
    private(set) var masks: [UInt8]
    /// The series drawn last in each cell, -1 for none.
    private(set) var owners: [Int32]

    init(columns: Int, rows: Int, kind: Kind) {
        self.kind = kind
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        masks = [UInt8](repeating: 0, count: self.columns * self.rows)
        owners = [Int32](repeating: -1, count: self.columns * self.rows)
    }

    /// The grid's size in dots.
    var dotsWide: Int { columns * kind.dotsWide }
    var dotsHigh: Int { rows * kind.dotsHigh }

    /// Sets the dot at (`x`, `y`) for `series`.
    mutating func set(x: Int, y: Int, series: Int) {
        guard x >= 0, y >= 0, x < dotsWide, y < dotsHigh else { return }
        let column = x / kind.dotsWide, row = y / kind.dotsHigh
        let i = row * columns + column
        masks[i] |= bit(x: x - column * kind.dotsWide, y: y - row * kind.dotsHigh)
        owners[i] = Int32(truncatingIfNeeded: series)
    }

    /// Sets the dots of the straight line from `a` to `b`, both ends included (Bresenham).
    /// O(length in dots).
    mutating func line(from a: (x: Int, y: Int), to b: (x: Int, y: Int), series: Int) {
        let dx = abs(b.x - a.x), dy = -abs(b.y - a.y)
        let sx = a.x < b.x ? 1 : -1, sy = a.y < b.y ? 1 : -1
        var x = a.x, y = a.y, error = dx + dy
        while true {
            set(x: x, y: y, series: series)
            if x == b.x && y == b.y { return }
            let e2 = 2 * error
            if e2 >= dy { error += dy; x += sx }
            if e2 <= dx { error += dx; y += sy }
        }
    }

    /// The character of the cell at (`column`, `row`) and the series that owns it; nil for a
    /// cell without dots.
    func cell(column: Int, row: Int) -> (character: Character, series: Int)? {
        guard column >= 0, row >= 0, column < columns, row < rows else { return nil }
        let i = row * columns + column
        let mask = masks[i]
        guard mask != 0 else { return nil }
        return (Self.character(mask, kind: kind), Int(owners[i]))
    }

    /// The character showing `mask`'s dots.
    static func character(_ mask: UInt8, kind: Kind) -> Character {
        switch kind {
        case .braille:
            return Character(Unicode.Scalar(0x2800 + UInt32(mask))!)
        case .ascii:
            switch mask {
            case 0b001: return "'"
            case 0b010: return "-"
            case 0b100: return "_"
            case 0b101: return ":"
            default: return "|"
            }
        }
    }

    /// The bit of the dot at (`x`, `y`) inside a cell. Braille numbers its dots down the left
    /// column (1, 2, 3), down the right (4, 5, 6), then the bottom row (7, 8).
    private func bit(x: Int, y: Int) -> UInt8 {
        switch kind {
        case .braille:
            if y == 3 { return x == 0 ? 0x40 : 0x80 }
            return UInt8(1) << UInt8(y + 3 * x)
        case .ascii:
            return UInt8(1) << UInt8(y)
        }
    }
}
