/// Which key was pressed, without modifiers.
public enum KeyCode: Hashable, Sendable {
    /// A printable character (letters come as typed: `G` is shift-g).
    case character(Character)
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    /// F1 to F12 (and beyond, when the terminal reports them).
    case function(Int)
}
