/// Maps theme roles to styles, with an attributes-only variant for terminals without colour.
///
/// A palette is data: the theme loader (in the UI layer) fills it from a theme file. `style(for:mode:)`
/// adapts the colour style to the terminal's `ColorMode`; in `.none` an explicit monochrome style
/// wins over the automatic one (colours dropped, coloured backgrounds reversed).
public struct Palette: Hashable, Sendable {
    /// The palette's name, for messages ("dark", "mono").
    public var name: String
    /// The colour style of each role.
    public var styles: [ThemeRole: Style]
    /// Explicit attribute-only styles used when there is no colour; roles missing here are derived.
    public var monochrome: [ThemeRole: Style]
    /// The style of a role the palette does not name.
    public var fallback: Style

    public init(
        name: String,
        styles: [ThemeRole: Style] = [:],
        monochrome: [ThemeRole: Style] = [:],
        fallback: Style = .plain
    ) {
        self.name = name
        self.styles = styles
        self.monochrome = monochrome
        self.fallback = fallback
    }

    /// The style for `role` as it can be shown in `mode`.
    public func style(for role: ThemeRole, mode: ColorMode) -> Style {
        if mode == .none, let mono = monochrome[role] { return mono }
        return (styles[role] ?? fallback).adapted(to: mode)
    }

    /// A palette without colours, in every mode: dim secondary text, reversed selection, bold titles.
    public static let monochromeDefault: Palette = {
        let styles: [ThemeRole: Style] = [
            .dim: Style(attributes: .dim),
            .selection: Style(attributes: .reverse),
            .title: Style(attributes: .bold),
            .status: Style(attributes: .reverse),
            .error: Style(attributes: [.bold, .underline]),
            .warning: Style(attributes: .bold),
            .match: Style(attributes: .underline),
        ]
        return Palette(name: "mono", styles: styles, monochrome: styles)
    }()
}
