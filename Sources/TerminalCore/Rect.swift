/// A rectangle of cells: the area a view draws into.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The rectangle at the origin with `size`.
    public init(size: Size) {
        self.init(x: 0, y: 0, width: size.width, height: size.height)
    }

    public var description: String { "\(width)x\(height)@\(x),\(y)" }

    public var size: Size { Size(width: width, height: height) }
    public var left: Int { x }
    public var top: Int { y }
    /// One past the last column.
    public var right: Int { x + width }
    /// One past the last row.
    public var bottom: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// Whether the cell at `point` lies inside.
    public func contains(_ point: Point) -> Bool {
        point.x >= x && point.x < right && point.y >= y && point.y < bottom
    }

    /// The overlap of two rectangles (empty, at a corner of the overlap, when they do not meet).
    public func intersection(_ other: Rect) -> Rect {
        let x0 = max(x, other.x), y0 = max(y, other.y)
        let x1 = min(right, other.right), y1 = min(bottom, other.bottom)
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// The rectangle shrunk by `margin` on each side (never negative).
    public func inset(by margin: Margin) -> Rect {
        let w = width - margin.left - margin.right
        let h = height - margin.top - margin.bottom
        guard w > 0, h > 0 else { return Rect(x: x + min(margin.left, width), y: y + min(margin.top, height), width: 0, height: 0) }
        return Rect(x: x + margin.left, y: y + margin.top, width: w, height: h)
    }

    /// The row `index` rows below the top, one cell high (empty when outside).
    public func row(_ index: Int) -> Rect {
        guard index >= 0, index < height else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: x, y: y + index, width: width, height: 1)
    }

    /// The top `rows` rows and the rest below them.
    public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
        let n = min(max(rows, 0), height)
        return (Rect(x: x, y: y, width: width, height: n), Rect(x: x, y: y + n, width: width, height: height - n))
    }

    /// The bottom `rows` rows and the rest above them.
    public func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
        let n = min(max(rows, 0), height)
        return (Rect(x: x, y: y, width: width, height: height - n), Rect(x: x, y: bottom - n, width: width, height: n))
    }

    /// The left `columns` columns and the rest to their right.
    public func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
        let n = min(max(columns, 0), width)
        return (Rect(x: x, y: y, width: n, height: height), Rect(x: x + n, y: y, width: width - n, height: height))
    }

    /// The right `columns` columns and the rest to their left.
    public func splitRight(_ columns: Int) -> (rest: Rect, right: Rect) {
        let n = min(max(columns, 0), width)
        return (Rect(x: x, y: y, width: width - n, height: height), Rect(x: right - n, y: y, width: n, height: height))
    }

    /// A rectangle of `size` (clipped to this one) centred inside it.
    public func centered(_ size: Size) -> Rect {
        let w = min(size.width, width), h = min(size.height, height)
        return Rect(x: x + (width - w) / 2, y: y + (height - h) / 2, width: w, height: h)
    }
}
