/// One result of a curses-style key read: a character code or a special key code.
///
/// Mirrors `wget_wch`: `OK` with a wide character, or `KEY_CODE_YES` with a `KEY_*` code. The
/// numeric key codes belong to the backend; `KeyDecoder` gets their meaning from a table.
public enum RawKeyInput: Hashable, Sendable {
    /// A character (Unicode scalar value), including control characters such as 3 for Ctrl-C.
    case character(UInt32)
    /// A special key code (ncurses' `KEY_UP`, `KEY_RESIZE`, ...).
    case keyCode(Int32)
    /// A mouse report the backend has already read and classified (ncurses' `KEY_MOUSE`).
    case mouse(MouseEvent)
}
