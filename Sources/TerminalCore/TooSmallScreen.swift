/// The screen the loop shows when the terminal is smaller than the application needs.
public struct TooSmallScreen: Widget, Sendable {
    /// The size the application needs.
    public var minimum: Size
    public var glyphs: Glyphs

    public init(minimum: Size, glyphs: Glyphs = .unicode) {
        self.minimum = minimum
        self.glyphs = glyphs
    }

    /// Draws the message centred in `area`:
    /// "Terminal too small: 50x10" / "trex needs at least 60x15" / "Enlarge the window or press q to quit".
    public func render(in area: Rect, into buffer: inout Buffer) {
        let lines = [
            "Terminal too small: \(area.width)x\(area.height)",
            "Needs at least \(minimum.width)x\(minimum.height)",
            "Enlarge the window or press q to quit",
        ]
        let block = area.centered(Size(width: area.width, height: lines.count))
        for (i, line) in lines.enumerated() where i < block.height {
            let style = i == 0 ? Style(attributes: .bold) : .plain
            buffer.setTruncated(line, x: block.x, y: block.y + i, width: block.width, style: style,
                                ellipsis: glyphs.ellipsis, alignment: .center)
        }
    }
}
