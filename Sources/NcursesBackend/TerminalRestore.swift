import CTerminalGuard

/// Restoring the terminal from anywhere, for the paths that will not return to the loop.
public enum TerminalRestore {
    /// Leaves the program's screen and restores the shell's terminal modes right now, if curses owns
    /// the screen; idempotent. Call it before `fatalError` or `exit` so the message lands on the
    /// normal screen, not in the alternate one about to vanish. Safe from any thread.
    public static func now() {
        tg_restore()
    }
}
