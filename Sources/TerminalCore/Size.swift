/// A width in columns and a height in rows.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// "120x40".
    public var description: String { "\(width)x\(height)" }

    /// Whether both dimensions are at least those of `minimum`.
    public func contains(_ minimum: Size) -> Bool {
        width >= minimum.width && height >= minimum.height
    }
}
