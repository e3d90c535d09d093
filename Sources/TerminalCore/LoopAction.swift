/// What a handler reports back to the loop after an event (it never draws itself).
public enum LoopAction: Hashable, Sendable {
    /// Nothing visible changed.
    case none
    /// State changed: draw a new frame (only the changed cells reach the terminal).
    case redraw
    /// Draw a new frame and repaint every cell (Ctrl-L, after the screen was disturbed).
    case repaint
    /// Leave the loop.
    case quit
}
