import CNcursesw
import TerminalCore

/// The meaning of ncurses' special key codes, for `KeyDecoder`.
enum CursesKeyTable {
    /// The fixed `KEY_*` codes, F1-F36, and the modified keys terminfo defines for this terminal
    /// (`kUP5` is ctrl-Up, looked up by its sequence with `key_defined`: suffix 2 shift, 3 alt, 4 shift-alt, 5 ctrl, 6 ctrl-shift, 7 ctrl-alt, 8 all).
    static func make() -> [Int32: Key] {
        var table: [Int32: Key] = [
            KEY_UP: .up, KEY_DOWN: .down, KEY_LEFT: .left, KEY_RIGHT: .right,
            KEY_HOME: .home, KEY_END: .end, KEY_PPAGE: .pageUp, KEY_NPAGE: .pageDown,
            KEY_IC: .insert, KEY_DC: .delete, KEY_BACKSPACE: .backspace, KEY_ENTER: .enter, KEY_BTAB: .backTab,
            KEY_SLEFT: Key.left.with(.shift), KEY_SRIGHT: Key.right.with(.shift),
            KEY_SR: Key.up.with(.shift), KEY_SF: Key.down.with(.shift),
            KEY_SHOME: Key.home.with(.shift), KEY_SEND: Key.end.with(.shift),
            KEY_SDC: Key.delete.with(.shift), KEY_SIC: Key.insert.with(.shift),
            KEY_SNEXT: Key.pageDown.with(.shift), KEY_SPREVIOUS: Key.pageUp.with(.shift),
            KEY_A1: .home, KEY_A3: .pageUp, KEY_C1: .end, KEY_C3: .pageDown,
        ]
        // xterm reports shift-F1 as F13 and ctrl-F1 as F25.
        for n in 1...12 {
            table[trex_key_f(Int32(n))] = .f(n)
            table[trex_key_f(Int32(n + 12))] = Key.f(n).with(.shift)
            table[trex_key_f(Int32(n + 24))] = Key.f(n).with(.control)
        }
        let extended: [(String, KeyCode)] = [
            ("kUP", .up), ("kDN", .down), ("kLFT", .left), ("kRIT", .right), ("kHOM", .home),
            ("kEND", .end), ("kNXT", .pageDown), ("kPRV", .pageUp), ("kDC", .delete), ("kIC", .insert),
        ]
        for (name, code) in extended {
            for parameter in 2...8 {
                guard let sequence = trex_tigetstr("\(name)\(parameter)") else { continue }
                let keyCode = key_defined(sequence)
                if keyCode > 0 { table[keyCode] = Key(code, modifiers: KeyModifiers(xtermParameter: parameter)) }
            }
        }
        return table
    }
}
