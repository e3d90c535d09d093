/// How a cell is drawn: foreground and background colour plus text attributes.
///
/// A value type with builder methods, so themes and views can derive styles:
/// `Style(foreground: .cyan).adding(.bold)`.
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var attributes: TextAttributes

    public init(foreground: Color = .default, background: Color = .default, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's default colours and no attributes.
    public static let plain = Style()

    /// This style with another foreground colour.
    public func foreground(_ color: Color) -> Style {
        var copy = self
        copy.foreground = color
        return copy
    }

    /// This style with another background colour.
    public func background(_ color: Color) -> Style {
        var copy = self
        copy.background = color
        return copy
    }

    /// This style with `attributes` added.
    public func adding(_ attributes: TextAttributes) -> Style {
        var copy = self
        copy.attributes.formUnion(attributes)
        return copy
    }

    /// This style with `attributes` removed.
    public func removing(_ attributes: TextAttributes) -> Style {
        var copy = self
        copy.attributes.subtract(attributes)
        return copy
    }
}
