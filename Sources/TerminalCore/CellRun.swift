/// A horizontal run of changed cells: what a backend writes at one cursor position.
public struct CellRun: Hashable, Sendable {
    /// The column of the first cell.
    public var x: Int
    /// The row.
    public var y: Int
    /// The new cells, continuation halves of wide characters included.
    public var cells: ArraySlice<Cell>

    public init(x: Int, y: Int, cells: ArraySlice<Cell>) {
        self.x = x
        self.y = y
        self.cells = cells
    }

    /// The columns the run covers.
    public var width: Int { cells.count }
}
