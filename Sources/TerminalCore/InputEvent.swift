/// Something the backend reports: a key, a new terminal size, a return from suspension, a signal.
public enum InputEvent: Hashable, Sendable {
    /// A key press.
    case key(Key)
    /// A click, double click or wheel turn (only when the backend reports the mouse).
    case mouse(MouseEvent)
    /// The terminal now has this size; everything must be drawn again.
    case resize(Size)
    /// The program was continued after Ctrl-Z (or a shell-out); the screen was repainted from scratch.
    case resumed
    /// SIGINT, SIGTERM or SIGHUP arrived: the program must leave (the loop quits after handling it).
    case interrupt(Interruption)
}

/// Why the program is asked to leave.
public enum Interruption: Hashable, Sendable {
    /// SIGINT: Ctrl-C.
    case interrupt
    /// SIGTERM: `kill`.
    case terminate
    /// SIGHUP: the terminal went away (SSH dropped, window closed).
    case hangup

    /// The conventional exit status of a process ended by the signal (128 + its number).
    public var exitStatus: Int32 {
        switch self {
        case .interrupt: return 130
        case .terminate: return 143
        case .hangup: return 129
        }
    }
}
