/// Decoding of raw VT/xterm key sequences (CSI and SS3) that curses passed through undecoded.
///
/// With `keypad` on, ncurses decodes the sequences its terminal description lists; others (for
/// example after a fallback to `xterm-256color`, or modified keys like ctrl-Left) arrive byte by
/// byte. This covers the common ones: arrows, Home/End, Ins/Del, PgUp/PgDn, F1-F20, Shift-Tab, with
/// xterm modifier parameters (`ESC [ 1 ; 5 A` is ctrl-Up).
enum EscapeSequence {
    /// The key of the sequence starting with the Esc at `start` and the reads it used; the key is nil
    /// for a sequence that is recognised but means nothing (bracketed paste markers). Returns nil
    /// when no complete sequence is there.
    static func parse(_ burst: [RawKeyInput], from start: Int) -> (Key?, Int)? {
        guard start + 2 < burst.count, case .character(let introducer) = burst[start + 1] else { return nil }
        var i = start + 2
        var parameters: [Int] = []
        var current: Int?
        while i < burst.count {
            guard case .character(let value) = burst[i] else { return nil }
            switch value {
            case 48...57:  // digit
                current = (current ?? 0) * 10 + Int(value - 48)
                if current! > 10_000 { return nil }
            case 59:  // ;
                parameters.append(current ?? 1)
                current = nil
            case 64...126:  // final byte
                if let current { parameters.append(current) }
                guard let final = Unicode.Scalar(value) else { return nil }
                let key = introducer == 79 ? ss3Key(Character(final), parameters) : csiKey(Character(final), parameters)
                guard let key else {
                    if final == "~", let first = parameters.first, first == 200 || first == 201 { return (nil, i - start + 1) }
                    return nil
                }
                return (key, i - start + 1)
            default:
                return nil
            }
            i += 1
        }
        return nil
    }

    /// The key of `ESC [ params final`.
    private static func csiKey(_ final: Character, _ parameters: [Int]) -> Key? {
        let modifiers = KeyModifiers(xtermParameter: parameters.count > 1 ? parameters[1] : 1)
        if final == "~" {
            guard let first = parameters.first, let code = tildeCode(first) else { return nil }
            return Key(code, modifiers: modifiers)
        }
        if final == "Z" { return Key(.backTab, modifiers: modifiers.subtracting(.shift)) }
        guard let code = letterCode(final) else { return nil }
        return Key(code, modifiers: modifiers)
    }

    /// The key of `ESC O final` (application cursor mode and F1-F4).
    private static func ss3Key(_ final: Character, _ parameters: [Int]) -> Key? {
        guard let code = letterCode(final) else { return nil }
        return Key(code, modifiers: KeyModifiers(xtermParameter: parameters.first ?? 1))
    }

    /// Keys named by a final letter: arrows, Home, End, F1-F4.
    private static func letterCode(_ final: Character) -> KeyCode? {
        switch final {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        case "P": return .function(1)
        case "Q": return .function(2)
        case "R": return .function(3)
        case "S": return .function(4)
        default: return nil
        }
    }

    /// Keys named by the number before `~` (VT220 style).
    private static func tildeCode(_ number: Int) -> KeyCode? {
        switch number {
        case 1, 7: return .home
        case 2: return .insert
        case 3: return .delete
        case 4, 8: return .end
        case 5: return .pageUp
        case 6: return .pageDown
        case 11...15: return .function(number - 10)
        case 17...21: return .function(number - 11)
        case 23...26: return .function(number - 12)
        case 28, 29: return .function(number - 13)
        case 31...34: return .function(number - 14)
        default: return nil
        }
    }
}
