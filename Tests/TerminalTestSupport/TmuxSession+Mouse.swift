/// The mouse, as a terminal reports it to the program in the pane.
extension TmuxSession {
    public enum MouseButton: Int {
        case left = 0, right = 2, wheelUp = 64, wheelDown = 65
    }

    /// Sends a press (and, for the buttons, its release) at a 0-based cell as the pane's
    /// terminal type reports it (X10 encoding, the `kmous` of tmux's screen and tmux-256color:
    /// `ESC [ M` and three bytes offset by 32).
    public func mouse(_ button: MouseButton, x: Int, y: Int) throws {
        try tmux(["send-keys", "-H"] + Self.report(button.rawValue, x: x, y: y))
        if button == .left || button == .right { try tmux(["send-keys", "-H"] + Self.report(3, x: x, y: y)) }
    }

    /// A double click: two left clicks on the same cell, sent in one go so that a busy machine
    /// cannot stretch them past the double-click interval.
    public func doubleClick(x: Int, y: Int) throws {
        let click = Self.report(MouseButton.left.rawValue, x: x, y: y) + Self.report(3, x: x, y: y)
        try tmux(["send-keys", "-H"] + click + click)
    }

    /// The left button pressed at a cell and held (a drag's start; `mouseUp` ends it).
    public func mouseDown(x: Int, y: Int) throws {
        try tmux(["send-keys", "-H"] + Self.report(MouseButton.left.rawValue, x: x, y: y))
    }

    /// The button released at a cell (a drag's end).
    public func mouseUp(x: Int, y: Int) throws {
        try tmux(["send-keys", "-H"] + Self.report(3, x: x, y: y))
    }

    /// One X10 report: `ESC [ M` and the button, column and row, each offset by 32 (1-based).
    static func report(_ code: Int, x: Int, y: Int) -> [String] {
        ["1b", "5b", "4d"] + [32 + code, 33 + x, 33 + y].map { String($0, radix: 16) }
    }

    /// Whether the program in the pane has asked the terminal for mouse reports.
    public var reportsMouse: Bool {
        ((try? tmux(["display", "-p", "#{mouse_any_flag}"])) ?? "").hasPrefix("1")
    }
}
