import CNcursesw
#if canImport(Glibc)
import Glibc
#endif

/// The checks made before any curses call: a terminal is there, its type is known and can position
/// the cursor (ncurses would otherwise exit the process on an unknown `TERM`, or "succeed" on
/// `TERM=dumb` and write escape codes into a file).
enum TerminalProbe {
    /// The opened device and the terminal type to use, with any warning for the user.
    struct Result {
        var fd: Int32
        var terminalType: String
        var warnings: [String]
    }

    /// Opens the device and checks the terminal type; the caller owns `fd` afterwards.
    static func run(options: NcursesOptions, environmentTerm: String?) throws(TerminalStartError) -> Result {
        if options.devicePath == nil, isatty(0) == 0, isatty(1) == 0 {
            throw .notATerminal(detail: "standard input and output are not terminals")
        }
        let path = options.devicePath ?? "/dev/tty"
        let fd = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else {
            throw .notATerminal(detail: "cannot open \(path) (\(String(cString: strerror(errno))))")
        }
        guard isatty(fd) != 0 else {
            close(fd)
            throw .notATerminal(detail: "\(path) is not a terminal")
        }
        do {
            let (type, warnings) = try terminalType(options: options, environmentTerm: environmentTerm, fd: fd)
            return Result(fd: fd, terminalType: type, warnings: warnings)
        } catch {
            close(fd)
            throw error
        }
    }

    /// The terminal type to start curses with: `TERM` if terminfo knows it, else the fallback.
    private static func terminalType(options: NcursesOptions, environmentTerm: String?, fd: Int32) throws(TerminalStartError) -> (String, [String]) {
        let requested = options.terminalType ?? environmentTerm ?? ""
        if requested == "dumb" { throw .cannotPositionCursor(terminal: requested) }
        var warnings: [String] = []
        if !requested.isEmpty {
            var hasCursorAddress: Int32 = 0
            if trex_probe_terminal(requested, fd, &hasCursorAddress) == 1 {
                guard hasCursorAddress != 0 else { throw .cannotPositionCursor(terminal: requested) }
                return (requested, [])
            }
            warnings.append("unknown terminal type '\(requested)', using '\(options.fallbackTerminalType)'")
        } else {
            warnings.append("TERM is not set, using '\(options.fallbackTerminalType)'")
        }
        var hasCursorAddress: Int32 = 0
        guard trex_probe_terminal(options.fallbackTerminalType, fd, &hasCursorAddress) == 1, hasCursorAddress != 0 else {
            throw .noTerminalDescription(terminal: requested, fallback: options.fallbackTerminalType)
        }
        return (options.fallbackTerminalType, warnings)
    }
}
