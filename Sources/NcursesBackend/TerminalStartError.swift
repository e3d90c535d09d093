/// Why the interactive terminal could not be started; the caller prints `message` and exits with 2.
public enum TerminalStartError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Neither standard input nor standard output is a terminal, or there is no controlling terminal.
    case notATerminal(detail: String)
    /// The terminal cannot position the cursor (`TERM=dumb`, or no `cup` capability).
    case cannotPositionCursor(terminal: String)
    /// Neither `TERM` nor the fallback terminal type is in the terminfo database.
    case noTerminalDescription(terminal: String, fallback: String)
    /// ncurses refused to start.
    case cursesFailed(detail: String)

    /// The exit status for this failure: 2, as for a usage error.
    public var exitCode: Int32 { 2 }

    /// The message for the user, pointing to the non-interactive commands.
    public var message: String {
        let hint = "The interactive explorer needs a terminal; the non-interactive commands (`trex list`, `trex query`, `trex show ID`, `trex analyze ID`) work without one."
        switch self {
        case .notATerminal(let detail):
            return "not a terminal: \(detail). \(hint)"
        case .cannotPositionCursor(let terminal):
            return "the terminal type '\(terminal)' cannot position the cursor. \(hint)"
        case .noTerminalDescription(let terminal, let fallback):
            return "no terminal description for '\(terminal)' nor for the fallback '\(fallback)' (is ncurses-base installed?). \(hint)"
        case .cursesFailed(let detail):
            return "cannot start the terminal: \(detail). \(hint)"
        }
    }

    public var description: String { message }
}
