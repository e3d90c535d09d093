/// Turns raw key reads (curses `wget_wch` results) into input events. Pure, so it is unit-tested.
///
/// The backend reads a burst (the first key with a timeout, then whatever is already pending) and
/// hands it over whole, so an Esc followed at once by another key can be told apart from a lone
/// Esc: Esc + `x` is alt-x, Esc + `[` + ... is an escape sequence the terminal description did not
/// know (decoded by `EscapeSequence`). Special key codes are looked up in `keyCodes`, which the
/// backend fills from its own constants (`KEY_UP`, `KEY_F0 + n`, terminfo's `kUP5`, ...).
public struct KeyDecoder: Sendable {
    /// What each special key code means.
    public var keyCodes: [Int32: Key]
    /// The key code that reports a terminal resize (ncurses' `KEY_RESIZE`).
    public var resizeCode: Int32?

    public init(keyCodes: [Int32: Key] = [:], resizeCode: Int32? = nil) {
        self.keyCodes = keyCodes
        self.resizeCode = resizeCode
    }

    /// The events of one burst of reads; `terminalSize` is reported with a resize. O(n).
    ///
    /// Unknown key codes, C1 control characters and bracketed-paste markers produce nothing.
    public func decode(_ burst: [RawKeyInput], terminalSize: Size) -> [InputEvent] {
        var events: [InputEvent] = []
        var i = 0
        while i < burst.count {
            switch burst[i] {
            case .keyCode(let code):
                if code == resizeCode {
                    events.append(.resize(terminalSize))
                } else if let key = keyCodes[code] {
                    events.append(.key(key))
                }
                i += 1
            case .mouse(let event):
                events.append(.mouse(event))
                i += 1
            case .character(27):
                let (event, consumed) = decodeEscape(burst, at: i)
                if let event { events.append(event) }
                i += consumed
            case .character(let value):
                if let key = KeyDecoder.key(forCharacter: value) { events.append(.key(key)) }
                i += 1
            }
        }
        return events
    }

    /// The key a single character code stands for, or nil (C1 controls, invalid scalars).
    public static func key(forCharacter value: UInt32) -> Key? {
        switch value {
        case 0: return Key(.character(" "), modifiers: .control)
        case 8, 127: return .backspace
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(96 + value))))
        case 28: return .ctrl("\\")
        case 29: return .ctrl("]")
        case 30: return .ctrl("^")
        case 31: return .ctrl("_")
        case 0x80...0x9F: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .char(Character(scalar))
        }
    }

    // MARK: - Escape

    /// The event starting with the Esc at `index`, and how many reads it used.
    private func decodeEscape(_ burst: [RawKeyInput], at index: Int) -> (InputEvent?, Int) {
        guard index + 1 < burst.count else { return (.key(.escape), 1) }
        switch burst[index + 1] {
        case .character(27), .keyCode, .mouse:
            return (.key(.escape), 1)
        case .character(let next) where next == 91 || next == 79:  // "[" or "O"
            if let (key, length) = EscapeSequence.parse(burst, from: index) {
                return (key.map(InputEvent.key), length)
            }
            return (.key(.alt(Character(Unicode.Scalar(UInt8(next))))), 2)
        case .character(let next):
            guard let key = KeyDecoder.key(forCharacter: next) else { return (.key(.escape), 1) }
            return (.key(key.with(.alt)), 2)
        }
    }
}
