import TerminalCore

/// A loaded theme: a palette of roles plus the colours services are drawn in.
public struct Theme: Sendable, Hashable {
    public var name: String
    public var palette: Palette
    /// The service colours, cycled by a stable hash of the service name.
    public var serviceStyles: [Style]

    public init(name: String, palette: Palette, serviceStyles: [Style]) {
        self.name = name
        self.palette = palette
        self.serviceStyles = serviceStyles.isEmpty ? [.plain] : serviceStyles
    }

    /// The style of a role in a colour mode.
    public func style(_ role: ThemeRole, _ mode: ColorMode) -> Style { palette.style(for: role, mode: mode) }

    /// The stable colour of a service: the same name always gets the same colour, in every run.
    public func serviceStyle(_ name: String, _ mode: ColorMode) -> Style {
        guard mode != .none else { return .plain }
        var hash: UInt32 = 2_166_136_261
        for byte in name.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return serviceStyles[Int(hash % UInt32(serviceStyles.count))].adapted(to: mode)
    }

    /// The names of the bundled themes.
    public static var builtinNames: [String] { BuiltinThemes.sources.keys.sorted() }

    /// The default theme (`dark`).
    public static let standard: Theme = {
        // The bundled theme is checked by tests; failing to parse it is a build defect.
        try! ThemeParser.parse(BuiltinThemes.sources["dark"]!, name: "dark")
    }()
}
