/// One frame being drawn: the cell buffer, and where the text cursor should be shown, if anywhere.
public struct Frame: Sendable {
    /// The cells of the whole screen.
    public var buffer: Buffer
    /// Where to show the cursor (a text field being edited); nil hides it.
    public var cursor: Point?

    public init(size: Size) {
        self.buffer = Buffer(size: size)
        self.cursor = nil
    }

    /// The whole screen.
    public var area: Rect { buffer.area }
}
