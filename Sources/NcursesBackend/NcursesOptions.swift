/// How `NcursesBackend` starts.
public struct NcursesOptions: Sendable {
    /// No colour at all (`--no-color`, `NO_COLOR`): attributes only.
    public var colorDisabled: Bool
    /// The terminal device to draw on. nil: `/dev/tty` (the controlling terminal, as fzf does), after
    /// checking that standard input or output is a terminal. A path (a pty slave in tests) skips that check.
    public var devicePath: String?
    /// The terminal type; nil reads `TERM`.
    public var terminalType: String?
    /// The type used when `TERM` is unknown (with a warning).
    public var fallbackTerminalType: String
    /// How long curses waits after Esc for the rest of an escape sequence, in milliseconds.
    public var escapeDelayMilliseconds: Int32
    /// Draw with ASCII only (`Glyphs.ascii`, `?` for anything beyond ASCII) even in a UTF-8 locale,
    /// for terminals or fonts that cannot show box drawing and block elements.
    public var asciiOnly: Bool
    /// Whether to switch off XON/XOFF flow control, so Ctrl-S and Ctrl-Q reach the program as keys
    /// instead of freezing the screen.
    public var disableFlowControl: Bool
    /// Report clicks and the wheel (`InputEvent.mouse`). Off, the terminal keeps its own text
    /// selection with the mouse.
    public var mouse: Bool

    public init(
        colorDisabled: Bool = false,
        devicePath: String? = nil,
        terminalType: String? = nil,
        fallbackTerminalType: String = "xterm-256color",
        escapeDelayMilliseconds: Int32 = 25,
        asciiOnly: Bool = false,
        disableFlowControl: Bool = true,
        mouse: Bool = false
    ) {
        self.colorDisabled = colorDisabled
        self.devicePath = devicePath
        self.terminalType = terminalType
        self.fallbackTerminalType = fallbackTerminalType
        self.escapeDelayMilliseconds = escapeDelayMilliseconds
        self.asciiOnly = asciiOnly
        self.disableFlowControl = disableFlowControl
        self.mouse = mouse
    }
}
