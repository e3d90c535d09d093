import TerminalCore

/// What every view needs to draw: the theme resolved for the terminal's colours, and glyphs.
public struct RenderContext: Sendable {
    public var theme: Theme
    public var colorMode: ColorMode
    public var glyphs: Glyphs

    public init(theme: Theme, colorMode: ColorMode, glyphs: Glyphs) {
        self.theme = theme
        self.colorMode = colorMode
        self.glyphs = glyphs
    }

    public init(theme: Theme, capabilities: TerminalCapabilities) {
        self.init(theme: theme, colorMode: capabilities.colorMode, glyphs: capabilities.glyphs)
    }

    /// The style of a theme role.
    public func style(_ role: ThemeRole) -> Style { theme.style(role, colorMode) }

    /// The stable colour of a service.
    public func service(_ name: String) -> Style { theme.serviceStyle(name, colorMode) }

    /// `style` drawn as selected: the selection role's colours over the style's attributes.
    public func selected(_ style: Style) -> Style {
        let selection = self.style(.selection)
        var result = selection
        result.attributes.formUnion(style.attributes.subtracting(.reverse))
        if colorMode == .none { result.attributes.insert(.reverse) }
        return result
    }
}
