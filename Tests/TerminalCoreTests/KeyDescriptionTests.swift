import Testing
@testable import TerminalCore

@Suite("Readable key names")
struct KeyDescriptionTests {
    @Test("Names for help screens", arguments: [
        (Key.char("j"), "j"), (Key.char("G"), "G"), (Key.ctrl("d"), "ctrl-d"), (Key.ctrl("D"), "ctrl-d"),
        (Key.alt("x"), "alt-x"), (Key.pageDown, "PgDn"), (Key.pageUp, "PgUp"), (Key.backTab, "S-Tab"),
        (Key.tab, "Tab"), (Key.enter, "Enter"), (Key.escape, "Esc"), (Key.space, "Space"),
        (Key.up.with(.shift), "shift-Up"), (Key.left.with(.control), "ctrl-Left"), (Key.f(5), "F5"),
        (Key.home, "Home"), (Key.end, "End"), (Key.delete, "Del"), (Key.insert, "Ins"), (Key.backspace, "Backspace"),
    ])
    func names(key: Key, name: String) {
        #expect(key.description == name)
    }

    @Test("Keys are usable as dictionary keys in keymaps")
    func keymap() {
        let keymap: [Key: String] = [.char("j"), .down].reduce(into: [:]) { $0[$1] = "down" }
        #expect(keymap[.down] == "down")
        #expect(keymap[.ctrl("D")] == nil)
        #expect(Key.ctrl("D") == Key.ctrl("d"))
    }
}
