/// Space left free on each side of a rectangle.
public struct Margin: Hashable, Sendable {
    public var top: Int
    public var right: Int
    public var bottom: Int
    public var left: Int

    public init(top: Int = 0, right: Int = 0, bottom: Int = 0, left: Int = 0) {
        self.top = top
        self.right = right
        self.bottom = bottom
        self.left = left
    }

    /// The same margin on all four sides.
    public init(all: Int) { self.init(top: all, right: all, bottom: all, left: all) }

    /// `horizontal` columns left and right, `vertical` rows above and below.
    public init(horizontal: Int, vertical: Int) {
        self.init(top: vertical, right: horizontal, bottom: vertical, left: horizontal)
    }
}
