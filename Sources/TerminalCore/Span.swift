/// A piece of text drawn in one style; a line is an array of spans.
public struct Span: Hashable, Sendable, ExpressibleByStringLiteral {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// The columns the text occupies.
    public var width: Int { text.displayWidth }
}
