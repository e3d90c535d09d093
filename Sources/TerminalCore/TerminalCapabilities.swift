/// What the terminal can show: colours, and whether the locale lets it show Unicode.
public struct TerminalCapabilities: Hashable, Sendable {
    /// The colours styles are adapted to.
    public var colorMode: ColorMode
    /// Whether the character set is UTF-8 (else only ASCII is drawn, with `Glyphs.ascii`).
    public var isUTF8: Bool
    /// The terminal type in use (`TERM`, or the fallback).
    public var terminalName: String

    public init(colorMode: ColorMode = .color256, isUTF8: Bool = true, terminalName: String = "test") {
        self.colorMode = colorMode
        self.isUTF8 = isUTF8
        self.terminalName = terminalName
    }

    /// The glyph set that suits the character set.
    public var glyphs: Glyphs { .forUTF8(isUTF8) }
}
