/// A terminal the loop draws to and reads from: the ncurses one, or `TestBackend` in memory.
///
/// All calls come from one thread. `draw` receives whole frames and writes only what changed since
/// the previous one; `invalidate` makes the next `draw` repaint everything.
public protocol Backend: AnyObject {
    /// The screen size now.
    var size: Size { get }
    /// Colours and character set.
    var capabilities: TerminalCapabilities { get }
    /// Shows `buffer` (of `size`), with the cursor at `cursor` or hidden.
    func draw(_ buffer: Buffer, cursor: Point?)
    /// The next event, waiting at most `timeout`; nil when nothing happened in that time.
    func pollEvent(timeout: Duration) -> InputEvent?
    /// Forgets what is on the screen: the next `draw` repaints every cell.
    func invalidate()
    /// Gives the terminal back to the shell (for a pager or an editor); the screen is left as the user
    /// had it before the program started.
    func suspend()
    /// Takes the terminal again after `suspend`; the next `draw` repaints everything.
    func resume()
    /// Asks the terminal to put `text` on the system clipboard (OSC 52), which works over SSH
    /// where the terminal supports it; silently ignored where it does not.
    func copyToClipboard(_ text: String)
}
