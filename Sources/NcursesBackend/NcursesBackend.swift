import CNcursesw
import CTerminalGuard
import TerminalCore
#if canImport(Glibc)
import Glibc
#endif

/// The ncurses terminal: the only code in trex that calls curses.
///
/// `start` checks the terminal (a TTY, a known `TERM` that can position the cursor), sets up the
/// locale, installs the signal guard, and opens curses with `newterm` on `/dev/tty`, so a stray
/// `print` or a piped standard output cannot disturb the screen. Frames are diffed against the
/// previous one and only changed runs are written. Every call must come from one thread; call
/// `shutdown()` before exiting (the guard restores the terminal anyway on exit and on signals).
public final class NcursesBackend: Backend {
    public private(set) var capabilities: TerminalCapabilities
    /// Things the user should know about the start (an unknown TERM, no UTF-8 locale).
    public private(set) var warnings: [String]

    let window: UnsafeMutablePointer<WINDOW>
    private let screen: OpaquePointer
    private let fd: Int32
    private let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>
    private let decoder: KeyDecoder
    private var pairs: ColorPairCache
    private var previous: Buffer?
    private var cursorVisible: Bool?
    private var pending: [InputEvent] = []
    private var reportedTermination = false
    private var suspended = false
    private var closed = false
    private var fastErrors = 0
    /// True when the terminal reports the mouse (`NcursesOptions.mouse` and ncurses agreed).
    public private(set) var mouseEnabled = false
    private var clicks = ClickCounter()
    /// Every xterm mouse-reporting mode off (X10, button, any-event; SGR, UTF-8, urxvt
    /// encodings): unknown modes are ignored by terminals, so this is safe everywhere.
    static let mouseReportingOff = "\u{1b}[?1000l\u{1b}[?1002l\u{1b}[?1003l\u{1b}[?1005l\u{1b}[?1006l\u{1b}[?1015l"

    // MARK: - Starting and stopping

    /// Starts curses on the terminal, or explains why it cannot (exit with `error.exitCode`, 2).
    public static func start(options: NcursesOptions = NcursesOptions()) throws(TerminalStartError) -> NcursesBackend {
        try NcursesBackend(options: options)
    }

    private init(options: NcursesOptions) throws(TerminalStartError) {
        let locale = LocaleSetup.configure()
        let term = getenv("TERM").map { String(cString: $0) }
        let probe = try TerminalProbe.run(options: options, environmentTerm: term)
        fd = probe.fd
        warnings = probe.warnings + (locale.warning.map { [$0] } ?? [])

        tg_install(fd)
        guard let out = fdopen(dup(fd), "w"), let inp = fdopen(dup(fd), "r") else {
            tg_uninstall()
            close(fd)
            throw .cursesFailed(detail: "cannot open the terminal device")
        }
        output = out
        input = inp
        guard let created = newterm(probe.terminalType, output, input) else {
            tg_uninstall()
            fclose(output)
            fclose(input)
            close(fd)
            throw .cursesFailed(detail: "newterm failed for '\(probe.terminalType)'")
        }
        screen = created
        set_term(screen)
        guard let standardScreen = trex_stdscr() else {
            throw .cursesFailed(detail: "no standard screen")
        }
        window = standardScreen
        set_escdelay(options.escapeDelayMilliseconds)
        cbreak()  // signals stay on: Ctrl-C is SIGINT, Ctrl-Z is SIGTSTP, both handled by the guard
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        curs_set(0)
        cursorVisible = false
        if options.disableFlowControl { NcursesBackend.disableFlowControl(fd) }
        if options.mouse {
            // Presses only (no click synthesis, so no wait after a press); ncurses turns the
            // terminal's mouse reporting on here and off in endwin.
            mouseinterval(0)
            mouseEnabled = mousemask(trex_mouse_events(), nil) != 0
        }
        def_prog_mode()

        var mode = ColorMode.none
        if !options.colorDisabled, has_colors() {
            start_color()
            use_default_colors()
            mode = ColorMode.detect(colors: Int(trex_colors()), colorDisabled: false)
        }
        pairs = ColorPairCache(limit: mode == .none ? 1 : min(trex_color_pairs(), 32767)) { pair, fg, bg in
            init_extended_pair(pair, fg, bg)
        }
        capabilities = TerminalCapabilities(colorMode: mode, isUTF8: locale.isUTF8 && !options.asciiOnly, terminalName: probe.terminalType)
        decoder = KeyDecoder(keyCodes: CursesKeyTable.make(), resizeCode: KEY_RESIZE)

        // On a fatal signal the guard writes these itself: mouse reporting off too, or the
        // shell would receive every click as text.
        var leave = NcursesBackend.capabilityBytes(["sgr0", "cnorm", "rmkx", "rmcup"])
        var enter = NcursesBackend.capabilityBytes(["smcup", "smkx", "civis"])
        if mouseEnabled {
            let on = trex_mouse_on_sequence().map { String(cString: $0) } ?? "\u{1b}[?1000h"
            leave += NcursesBackend.mouseReportingOff.utf8.map { CChar(bitPattern: $0) }
            enter += on.utf8.map { CChar(bitPattern: $0) }
        }
        leave.withUnsafeBufferPointer { l in
            enter.withUnsafeBufferPointer { e in tg_set_sequences(l.baseAddress, l.count, e.baseAddress, e.count) }
        }
        tg_save_program_mode()
        tg_set_active(1)
    }

    /// Leaves curses and gives the terminal back as it was. Idempotent.
    public func shutdown() {
        guard !closed else { return }
        closed = true
        if !suspended { endwin() }
        tg_set_active(0)
        tg_uninstall()
        delscreen(screen)
        fclose(output)
        fclose(input)
        close(fd)
    }

    deinit { shutdown() }

    // MARK: - Backend

    public var size: Size {
        Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    public func draw(_ buffer: Buffer, cursor: Point?) {
        guard !closed, !suspended else { return }
        if previous == nil { clearok(window, true) }
        let isUTF8 = capabilities.isUTF8
        for run in buffer.changes(from: previous) {
            var x = run.x
            for cell in run.cells {
                if !cell.isContinuation { write(cell, x: x, y: run.y, isUTF8: isUTF8) }
                x += 1
            }
        }
        previous = buffer
        if let cursor {
            if cursorVisible != true { curs_set(1); cursorVisible = true }
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else if cursorVisible != false {
            curs_set(0)
            cursorVisible = false
        }
        wnoutrefresh(window)
        doupdate()
    }

    public func invalidate() {
        previous = nil
    }

    public func suspend() {
        guard !closed, !suspended else { return }
        endwin()
        tg_set_active(0)
        suspended = true
    }

    public func resume() {
        guard !closed, suspended else { return }
        suspended = false
        reset_prog_mode()
        tg_save_program_mode()
        tg_set_active(1)
        cursorVisible = nil
        invalidate()
    }

    public func copyToClipboard(_ text: String) {
        guard !closed, !suspended else { return }
        // An OSC sequence moves nothing on the screen, so it can go straight to the terminal.
        let bytes = ClipboardSequence.bytes(for: text)
        bytes.withUnsafeBytes { _ = fwrite($0.baseAddress, 1, $0.count, output) }
        fflush(output)
    }

    public func pollEvent(timeout: Duration) -> InputEvent? {
        if let event = signalEvent() { return event }
        if !pending.isEmpty { return pending.removeFirst() }
        let milliseconds = Int32(clamping: timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        guard !closed, !suspended else {
            // Nothing to read while the terminal belongs to someone else: wait, so a loop cannot spin.
            usleep(UInt32(max(0, milliseconds)) * 1000)
            return signalEvent()
        }
        let started = ContinuousClock.now
        guard let first = readKey(timeout: milliseconds) else {
            noteEmptyRead(after: started, timeout: timeout)
            return signalEvent()
        }
        fastErrors = 0
        var burst = [first]
        while burst.count < 256, let more = readKey(timeout: 0) { burst.append(more) }
        pending.append(contentsOf: decoder.decode(burst, terminalSize: size))
        if let event = signalEvent() { return event }
        return pending.isEmpty ? nil : pending.removeFirst()
    }

    // MARK: - Helpers

    /// One `wget_wch` with a timeout, or nil when nothing came (timeout, interrupted read).
    private func readKey(timeout milliseconds: Int32) -> RawKeyInput? {
        wtimeout(window, milliseconds)
        var value: wint_t = 0
        let result = wget_wch(window, &value)
        if result == KEY_CODE_YES, Int32(bitPattern: value) == KEY_MOUSE { return readMouse() }
        if result == KEY_CODE_YES { return .keyCode(Int32(bitPattern: value)) }
        if result == OK { return .character(UInt32(value)) }
        return nil
    }

    /// The mouse event behind a KEY_MOUSE, classified; a report trex did not ask for reads as
    /// an unknown key code (which decodes to nothing).
    private func readMouse() -> RawKeyInput {
        var x: Int32 = 0, y: Int32 = 0
        let position = { Point(x: Int(x), y: Int(y)) }
        switch trex_read_mouse(&x, &y) {
        case 1: return .mouse(MouseEvent(clicks.classify(pressAt: position(), time: .now), at: position()))
        case 2: return .mouse(MouseEvent(.rightClick, at: position()))
        case 3: return .mouse(MouseEvent(.wheelUp, at: position()))
        case 4: return .mouse(MouseEvent(.wheelDown, at: position()))
        case 5: return .mouse(MouseEvent(.doubleClick, at: position()))
        case 6: return .mouse(MouseEvent(.release, at: position()))
        default: return .keyCode(KEY_MOUSE)
        }
    }

    /// A pending interruption or resume, reported once.
    private func signalEvent() -> InputEvent? {
        if !reportedTermination {
            let signal = tg_termination_signal()
            if signal != 0 {
                reportedTermination = true
                switch signal {
                case SIGINT: return .interrupt(.interrupt)
                case SIGTERM: return .interrupt(.terminate)
                default: return .interrupt(.hangup)
                }
            }
        }
        if tg_take_resumed() != 0 {
            tg_save_program_mode()
            cursorVisible = nil
            invalidate()
            return .resumed
        }
        return nil
    }

    /// Treats a terminal whose reads keep failing at once (its other end is gone) as a hang-up.
    private func noteEmptyRead(after started: ContinuousClock.Instant, timeout: Duration) {
        guard timeout > .milliseconds(10), ContinuousClock.now - started < timeout / 4 else {
            fastErrors = 0
            return
        }
        fastErrors += 1
        if fastErrors >= 20, !reportedTermination {
            reportedTermination = true
            pending.insert(.interrupt(.hangup), at: 0)
        }
    }

    /// Writes one cell (both columns of a wide one) at (`x`, `y`).
    private func write(_ cell: Cell, x: Int, y: Int, isUTF8: Bool) {
        let style = cell.style.adapted(to: capabilities.colorMode)
        let pair = pairs.pair(foreground: style.foreground, background: style.background)
        let attributes = NcursesBackend.attributes(style.attributes)
        var column = Int32(x)
        for piece in GraphemeEncoder.pieces(for: cell, isUTF8: isUTF8) {
            var characters = piece.map { wchar_t(bitPattern: $0) } + [0]
            var cchar = cchar_t()
            trex_setcchar(&cchar, &characters, attributes, pair)
            mvwadd_wch(window, Int32(y), column, &cchar)
            column += Int32(piece.first.map { DisplayWidth.of(Unicode.Scalar($0) ?? " ") } ?? 1)
        }
    }

    /// The curses attribute bits of `attributes`.
    static func attributes(_ attributes: TextAttributes) -> attr_t {
        var bits = trex_attr_normal()
        if attributes.contains(.bold) { bits |= trex_attr_bold() }
        if attributes.contains(.dim) { bits |= trex_attr_dim() }
        if attributes.contains(.reverse) { bits |= trex_attr_reverse() }
        if attributes.contains(.underline) { bits |= trex_attr_underline() }
        if attributes.contains(.italic) { bits |= trex_attr_italic() }
        return bits
    }

    /// The concatenated terminfo strings of `names` (missing ones skipped).
    static func capabilityBytes(_ names: [String]) -> [CChar] {
        var bytes: [CChar] = []
        for name in names {
            guard let value = trex_tigetstr(name) else { continue }
            var p = value
            while p.pointee != 0 {
                bytes.append(p.pointee)
                p += 1
            }
        }
        return bytes
    }

    /// Switches off XON/XOFF so Ctrl-S cannot freeze the screen and Ctrl-S/Ctrl-Q arrive as keys.
    static func disableFlowControl(_ fd: Int32) {
        var modes = termios()
        guard tcgetattr(fd, &modes) == 0 else { return }
        modes.c_iflag &= ~tcflag_t(IXON | IXOFF)
        tcsetattr(fd, TCSANOW, &modes)
    }
}
