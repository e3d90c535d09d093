/// A grid of cells: what one frame of the screen shows.
///
/// Views draw into a buffer (`render(in: Rect, into: inout Buffer)`); the backend diffs it against
/// the previous frame and writes only the changes. Writes outside the grid are clipped. Wide
/// characters take two cells, and writing over either half of one clears the other half.
public struct Buffer: Hashable, Sendable {
    /// The grid's size.
    public private(set) var size: Size
    /// The cells, row by row.
    public private(set) var cells: [Cell]
    /// Draws a backslash as two, as the CLI prints text, so that in plain text (where the dim
    /// style of an escape is lost) an escape is told apart from a backslash in the data. For
    /// buffers printed rather than shown (`trex show`).
    public var doublesBackslashes = false

    /// A grid of `size` filled with `cell` (a blank by default).
    public init(size: Size, filling cell: Cell = .blank) {
        self.size = size
        self.cells = [Cell](repeating: cell.isContinuation ? .blank : cell, count: size.width * size.height)
    }

    /// A grid of `width` x `height` blank cells.
    public init(width: Int, height: Int) {
        self.init(size: Size(width: width, height: height))
    }

    /// The whole grid as a rectangle at the origin.
    public var area: Rect { Rect(size: size) }
    public var width: Int { size.width }
    public var height: Int { size.height }

    /// The cell at column `x`, row `y` (a blank outside the grid).
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank }
        return cells[y * size.width + x]
    }

    /// The cells of row `y`. O(1).
    public func row(_ y: Int) -> ArraySlice<Cell> {
        guard y >= 0, y < size.height else { return [] }
        return cells[(y * size.width)..<((y + 1) * size.width)]
    }

    // MARK: - Writing cells

    /// Writes one character at (`x`, `y`) and returns the columns it took (0 when clipped or zero-width).
    ///
    /// Control and bidi formatting characters are drawn as their visible escapes (`\e`, `\n`,
    /// `\u{202E}`: see `VisibleEscapes`), one cell per character of the escape and dim, so they can
    /// never reach the terminal, nothing is lost, and an escape is told apart from the same
    /// characters typed in the text (the CLI doubles backslashes instead). A wide character that does not fit before the right
    /// edge is drawn as a blank (1 column). A cluster wider than 2 columns (rare conjuncts) is split
    /// into its scalars.
    @discardableResult
    public mutating func set(_ character: Character, x: Int, y: Int, style: Style = .plain) -> Int {
        guard y >= 0, y < size.height, x >= 0, x < size.width else { return 0 }
        if doublesBackslashes && character == "\\" {
            let first = put(Cell("\\", width: 1, style: style), x: x, y: y)
            return first + (x + 1 < size.width ? put(Cell("\\", width: 1, style: style), x: x + 1, y: y) : 0)
        }
        if VisibleEscapes.isEscaped(character) {
            var column = x
            let escapeStyle = style.adding(.dim)
            for piece in VisibleEscapes.visible(character) {
                // The escape's own backslash is never doubled.
                column += piece == "\\" ? put(Cell(piece, width: 1, style: escapeStyle), x: column, y: y)
                    : set(piece, x: column, y: y, style: escapeStyle)
            }
            return column - x
        }
        let width = DisplayWidth.of(character)
        switch width {
        case 0:
            return 0
        case 1:
            return put(Cell(character, width: 1, style: style), x: x, y: y)
        case 2:
            guard x + 1 < size.width else { return put(.blank(style), x: x, y: y) }
            return put(Cell(character, width: 2, style: style), x: x, y: y)
        default:
            var column = x
            for piece in Buffer.splitWideCluster(character) {
                column += set(piece, x: column, y: y, style: style)
            }
            return column - x
        }
    }

    /// Writes a prepared cell (width 1 or 2) at (`x`, `y`), clearing any wide character it overlaps.
    @discardableResult
    public mutating func put(_ cell: Cell, x: Int, y: Int) -> Int {
        guard y >= 0, y < size.height, x >= 0, x < size.width, !cell.isContinuation else { return 0 }
        let base = y * size.width
        clearOverlap(at: x, rowBase: base)
        if cell.isWide {
            guard x + 1 < size.width else {
                cells[base + x] = .blank(cell.style)
                return 1
            }
            clearOverlap(at: x + 1, rowBase: base)
            cells[base + x] = cell
            cells[base + x + 1] = .continuation(cell.style)
            return 2
        }
        cells[base + x] = cell
        return 1
    }

    /// Changes the style of the cell at (`x`, `y`) and of the other half of a wide character.
    public mutating func setStyle(_ style: Style, x: Int, y: Int) {
        updateStyle(x: x, y: y) { $0 = style }
    }

    /// Applies `change` to the style of the cell at (`x`, `y`) and of the other half of a wide character.
    public mutating func updateStyle(x: Int, y: Int, _ change: (inout Style) -> Void) {
        guard y >= 0, y < size.height, x >= 0, x < size.width else { return }
        let i = y * size.width + x
        change(&cells[i].style)
        if cells[i].isWide, x + 1 < size.width {
            cells[i + 1].style = cells[i].style
        } else if cells[i].isContinuation, x > 0 {
            cells[i - 1].style = cells[i].style
        }
    }

    /// Changes the size, keeping the overlapping top-left part and blanking the rest. O(width x height).
    public mutating func resize(to newSize: Size) {
        guard newSize != size else { return }
        var resized = Buffer(size: newSize)
        for y in 0..<min(size.height, newSize.height) {
            var x = 0
            while x < min(size.width, newSize.width) {
                let cell = self[x, y]
                x += cell.isContinuation ? 1 : max(1, resized.put(cell, x: x, y: y))
            }
        }
        self = resized
    }

    /// Blanks every cell with `style`.
    public mutating func clear(style: Style = .plain) {
        for i in cells.indices { cells[i] = .blank(style) }
    }

    // MARK: - Helpers

    /// Turns the half of a wide character at `x` that is about to be overwritten into one blank, and
    /// its other half into another blank with the same style.
    private mutating func clearOverlap(at x: Int, rowBase base: Int) {
        let cell = cells[base + x]
        if cell.isContinuation, x > 0 {
            cells[base + x - 1] = .blank(cells[base + x - 1].style)
            cells[base + x] = .blank(cell.style)
        } else if cell.isWide, x + 1 < size.width {
            cells[base + x + 1] = .blank(cells[base + x + 1].style)
        }
    }

    /// A cluster wider than two columns cut into pieces of one spacing scalar and its marks.
    static func splitWideCluster(_ character: Character) -> [Character] {
        var pieces: [Character] = []
        var current = String.UnicodeScalarView()
        for scalar in character.unicodeScalars {
            if DisplayWidth.of(scalar) > 0, !current.isEmpty {
                pieces.append(contentsOf: String(current))
                current = String.UnicodeScalarView()
            }
            current.append(scalar)
        }
        if !current.isEmpty { pieces.append(contentsOf: String(current)) }
        return pieces
    }
}
