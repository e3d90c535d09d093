/// A terminal colour: the terminal's default, or an index into the 256-colour palette.
///
/// Indices 0-7 are the eight basic colours, 8-15 their bright variants, 16-231 a 6x6x6 colour
/// cube and 232-255 a greyscale ramp (the xterm layout every 256-colour terminal uses).
public enum Color: Hashable, Sendable {
    /// The terminal's own foreground or background colour (ncurses' -1 with default colours).
    case `default`
    /// An index into the 256-colour palette.
    case indexed(UInt8)

    // MARK: - The basic colours

    public static let black = Color.indexed(0)
    public static let red = Color.indexed(1)
    public static let green = Color.indexed(2)
    public static let yellow = Color.indexed(3)
    public static let blue = Color.indexed(4)
    public static let magenta = Color.indexed(5)
    public static let cyan = Color.indexed(6)
    public static let white = Color.indexed(7)
    public static let brightBlack = Color.indexed(8)
    public static let brightRed = Color.indexed(9)
    public static let brightGreen = Color.indexed(10)
    public static let brightYellow = Color.indexed(11)
    public static let brightBlue = Color.indexed(12)
    public static let brightMagenta = Color.indexed(13)
    public static let brightCyan = Color.indexed(14)
    public static let brightWhite = Color.indexed(15)

    // MARK: - The 256-colour palette

    /// A colour of the 6x6x6 cube; each component is clamped to 0...5.
    public static func cube(red: Int, green: Int, blue: Int) -> Color {
        let r = min(max(red, 0), 5), g = min(max(green, 0), 5), b = min(max(blue, 0), 5)
        return .indexed(UInt8(16 + 36 * r + 6 * g + b))
    }

    /// A step of the greyscale ramp, from 0 (almost black) to 23 (almost white).
    public static func gray(_ level: Int) -> Color {
        .indexed(UInt8(232 + min(max(level, 0), 23)))
    }

    /// The colour's approximate RGB value in xterm's default palette, or nil for `.default`.
    public var rgb: (red: Int, green: Int, blue: Int)? {
        guard case .indexed(let index) = self else { return nil }
        let i = Int(index)
        switch i {
        case 0..<16:
            return Color.basicRGB[i]
        case 16..<232:
            let levels = [0, 95, 135, 175, 215, 255]
            let n = i - 16
            return (levels[n / 36], levels[(n / 6) % 6], levels[n % 6])
        default:
            let v = 8 + 10 * (i - 232)
            return (v, v, v)
        }
    }

    /// xterm's default RGB values of colours 0-15.
    static let basicRGB: [(red: Int, green: Int, blue: Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
}
