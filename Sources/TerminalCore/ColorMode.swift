/// How many colours the backend may use: 256, the 8 basic ones, or none (attributes only).
///
/// `none` serves `--no-color` and `NO_COLOR`: styles keep bold/dim/underline/italic/reverse and a
/// coloured background (a highlight such as the selection) becomes reverse video.
public enum ColorMode: String, Hashable, Sendable, CaseIterable {
    case color256 = "256"
    case color8 = "8"
    case none

    /// The mode for a terminal reporting `colors` colours (ncurses' `COLORS`), unless colour is off.
    public static func detect(colors: Int, colorDisabled: Bool) -> ColorMode {
        if colorDisabled || colors < 8 { return .none }
        return colors >= 256 ? .color256 : .color8
    }

    /// Whether the `NO_COLOR` convention (https://no-color.org) asks for no colour: set and non-empty.
    public static func noColorRequested(environment: [String: String]) -> Bool {
        guard let value = environment["NO_COLOR"] else { return false }
        return !value.isEmpty
    }
}

extension Style {
    /// This style as it can be shown in `mode`: colours mapped down to the 8 basic ones, or removed.
    public func adapted(to mode: ColorMode) -> Style {
        switch mode {
        case .color256:
            return self
        case .color8:
            var copy = self
            let (fg, fgDim) = foreground.nearestBasic(asForeground: true)
            copy.foreground = fg
            if fgDim { copy.attributes.insert(.dim) }
            copy.background = background.nearestBasic(asForeground: false).color
            return copy
        case .none:
            var copy = Style(attributes: attributes)
            if background != .default { copy.attributes.insert(.reverse) }
            return copy
        }
    }
}

extension Color {
    /// The nearest of the 8 basic colours, and whether a dark grey foreground became dimmed default text.
    ///
    /// Bright colours 8-15 map to their normal twins. Greys map to white or black by lightness, except a
    /// dark grey foreground, which becomes the default colour dimmed: mapped to black it would vanish on
    /// the usual dark background.
    func nearestBasic(asForeground: Bool) -> (color: Color, dimmed: Bool) {
        guard case .indexed(let index) = self else { return (self, false) }
        if index < 8 { return (self, false) }
        if index < 16 {
            return (index == 8 && asForeground ? .default : .indexed(index - 8), index == 8 && asForeground)
        }
        guard let (r, g, b) = rgb else { return (self, false) }
        let spread = max(r, g, b) - min(r, g, b)
        if spread < 40 {
            let lightness = (r + g + b) / 3
            if lightness >= 128 { return (.white, false) }
            return asForeground ? (.default, true) : (.black, false)
        }
        // Chromatic: the basic colour of the nearest hue (red 0°, yellow 60°, green 120°, ...).
        let hue = Color.hueDegrees(r, g, b)
        let sector = Int((hue + 30).truncatingRemainder(dividingBy: 360) / 60)
        let basicByHueSector: [UInt8] = [1, 3, 2, 6, 4, 5]  // red, yellow, green, cyan, blue, magenta
        return (.indexed(basicByHueSector[sector]), false)
    }

    /// The hue of an RGB colour in degrees, 0..<360.
    static func hueDegrees(_ r: Int, _ g: Int, _ b: Int) -> Double {
        let maxC = Double(max(r, g, b)), minC = Double(min(r, g, b))
        let delta = maxC - minC
        guard delta > 0 else { return 0 }
        let rd = Double(r), gd = Double(g), bd = Double(b)
        var hue: Double
        if maxC == rd {
            hue = 60 * ((gd - bd) / delta)
        } else if maxC == gd {
            hue = 60 * ((bd - rd) / delta + 2)
        } else {
            hue = 60 * ((rd - gd) / delta + 4)
        }
        if hue < 0 { hue += 360 }
        return hue
    }
}
