/// Showing text from untrusted data on a terminal: control characters and bidirectional
/// formatting characters written as visible escapes, the way `ls -b` and `git` do.
///
/// The one definition of which characters a terminal must never receive raw from data, and how
/// each is spelled instead, shared by the CLI's text output and the explorer's cell buffer:
///
/// | What | Spelled |
/// |---|---|
/// | NUL, BEL, BS, TAB, LF, VT, FF, CR, ESC | `\0` `\a` `\b` `\t` `\n` `\v` `\f` `\r` `\e` |
/// | other C0 controls, DEL | `\x01` … `\x1f`, `\x7f` (one byte each in UTF-8) |
/// | C1 controls U+0080-U+009F | `\u{9B}` (two bytes in UTF-8, so not `\x9b`) |
/// | bidi marks, embeddings, overrides, isolates: U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069 | `\u{202E}` |
/// | a literal backslash (CLI text only; the explorer draws escapes dim instead) | `\\`, so every escape is unambiguous |
///
/// It lives in TerminalCore because it is about terminals, not traces: the CLI (`trex`) and the
/// explorer (through `Buffer` and `DisplayWidth`) both import it, and neither has to know the other.
/// Every function has a fast path, a scan of the UTF-8 bytes that allocates nothing, for text with
/// nothing to escape (nearly all text).
public enum VisibleEscapes {
    /// What `escaped(_:keeping:)` leaves as it is.
    public struct Kept: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        /// Line feeds (for text whose line breaks are layout, not data).
        public static let newlines = Kept(rawValue: 1 << 0)
        /// Tabs.
        public static let tabs = Kept(rawValue: 1 << 1)
        /// Backslashes, not doubled (for text already escaped field by field).
        public static let backslashes = Kept(rawValue: 1 << 2)
    }

    /// Whether the scalar must not reach a terminal raw: C0, DEL, C1, or a bidi formatting character.
    @inlinable
    public static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 { return true }
        if v < 0x7F { return false }
        if v < 0xA0 { return true }
        if v < 0x61C { return false }
        return v == 0x61C || v == 0x200E || v == 0x200F || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)
    }

    /// Whether the character is or contains a scalar that `isEscaped`.
    @inlinable
    public static func isEscaped(_ character: Character) -> Bool {
        if let ascii = character.asciiValue { return ascii < 0x20 || ascii == 0x7F }
        for scalar in character.unicodeScalars where isEscaped(scalar) { return true }
        return false
    }

    /// The visible spelling of one escaped scalar (`\e`, `\x7f`, `\u{9B}`, `\u{202E}`), or nil
    /// when the scalar is shown as it is.
    public static func escape(_ scalar: Unicode.Scalar) -> String? {
        guard isEscaped(scalar) else { return nil }
        var bytes: [UInt8] = []
        appendEscape(scalar.value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The character as it is drawn: its escaped scalars spelled out, the rest unchanged
    /// (backslashes are not doubled; this is the explorer's per-cell form).
    public static func visible(_ character: Character) -> String {
        var out = ""
        for scalar in character.unicodeScalars {
            if let escape = escape(scalar) { out += escape } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// The columns `visible(character)` takes when the character is escaped, nil when it is not.
    public static func visibleWidth(_ character: Character) -> Int? {
        guard isEscaped(character) else { return nil }
        var total = 0
        for scalar in character.unicodeScalars {
            if let escape = escape(scalar) { total += escape.utf8.count } else { total += DisplayWidth.of(scalar) }
        }
        return total
    }

    /// Whether `escaped(text, keeping: kept)` would change the text. A byte scan, no allocation. O(n).
    public static func needsEscaping<S: StringProtocol>(_ text: S, keeping kept: Kept = []) -> Bool {
        if let answer = text.utf8.withContiguousStorageIfAvailable({ needsEscaping(bytes: $0, keeping: kept) }) {
            return answer
        }
        var copy = String(text)
        return copy.withUTF8 { needsEscaping(bytes: $0, keeping: kept) }
    }

    /// The text with every escaped scalar spelled out and (unless kept) backslashes doubled.
    ///
    /// Returns the text itself, without copying, when there is nothing to escape. O(n).
    public static func escaped(_ text: String, keeping kept: Kept = []) -> String {
        guard needsEscaping(text, keeping: kept) else { return text }
        var copy = text
        return copy.withUTF8 { String(decoding: escaped(bytes: $0, keeping: kept), as: UTF8.self) }
    }

    /// UTF-8 `bytes` with every escaped scalar spelled out and (unless kept) backslashes doubled:
    /// the bytes `escaped(_:keeping:)` returns, worked out on the bytes (the lead bytes of the
    /// escaped multi-byte scalars never occur as continuation bytes). O(n).
    public static func escaped(bytes: UnsafeBufferPointer<UInt8>, keeping kept: Kept = []) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 2 + 16)
        let count = bytes.count
        var i = 0
        while i < count {
            let b = bytes[i]
            if b >= 0x20 && b < 0x7F {
                if b == 0x5C && !kept.contains(.backslashes) { out.append(0x5C) }
                out.append(b)
                i += 1
            } else if b < 0x80 {
                if (b == 0x0A && kept.contains(.newlines)) || (b == 0x09 && kept.contains(.tabs)) {
                    out.append(b)
                } else {
                    appendEscape(UInt32(b), to: &out)
                }
                i += 1
            } else if let (value, length) = escapedScalar(in: bytes, at: i) {
                appendEscape(value, to: &out)
                i += length
            } else {
                out.append(b)
                i += 1
            }
        }
        return out
    }

    /// Where the unit that starts at `index` of `escaped(_:)`'s output ends: after a whole escape
    /// (`\e`, `\\`, `\x7f`, `\u{202E}`) or after one character. Cutting text only at such ends
    /// never leaves half an escape. O(length of the unit).
    public static func unitEnd(in text: String, at index: String.Index) -> String.Index {
        guard index < text.endIndex else { return text.endIndex }
        let after = text.index(after: index)
        guard text[index] == "\\", after < text.endIndex else { return after }
        switch text[after] {
        case "x":
            return text.index(index, offsetBy: 4, limitedBy: text.endIndex) ?? text.endIndex
        case "u":
            return text[after...].firstIndex(of: "}").map { text.index(after: $0) } ?? text.endIndex
        default:
            return text.index(after: after)
        }
    }

    // MARK: - Helpers

    /// Appends the spelling of escaped scalar `value`: the one table of escapes.
    static func appendEscape(_ value: UInt32, to out: inout [UInt8]) {
        let named: UInt8? = switch value {
        case 0x00: UInt8(ascii: "0")
        case 0x07: UInt8(ascii: "a")
        case 0x08: UInt8(ascii: "b")
        case 0x09: UInt8(ascii: "t")
        case 0x0A: UInt8(ascii: "n")
        case 0x0B: UInt8(ascii: "v")
        case 0x0C: UInt8(ascii: "f")
        case 0x0D: UInt8(ascii: "r")
        case 0x1B: UInt8(ascii: "e")
        default: nil
        }
        out.append(UInt8(ascii: "\\"))
        if let named {
            out.append(named)
        } else if value <= 0x7F {
            out.append(UInt8(ascii: "x"))
            out += hex(value, uppercase: false).utf8
        } else {
            out += "u{".utf8
            out += hex(value, uppercase: true).utf8
            out.append(UInt8(ascii: "}"))
        }
    }

    /// The escaped multi-byte scalar (C1, U+061C, a bidi mark) whose UTF-8 starts at `i`, and its
    /// length in bytes; nil for any other byte.
    static func escapedScalar(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int)? {
        let count = bytes.count
        switch bytes[i] {
        case 0xC2:
            guard i + 1 < count, bytes[i + 1] >= 0x80, bytes[i + 1] < 0xA0 else { return nil }
            return (UInt32(bytes[i + 1]), 2)
        case 0xD8:
            guard i + 1 < count, bytes[i + 1] == 0x9C else { return nil }
            return (0x61C, 2)
        case 0xE2:
            guard i + 2 < count else { return nil }
            let b1 = bytes[i + 1], b2 = bytes[i + 2]
            let value = 0x2000 | (UInt32(b1 & 0x3F) << 6) | UInt32(b2 & 0x3F)
            let bidi = (b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (b2 >= 0xAA && b2 <= 0xAE)))
                || (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9)
            return bidi ? (value, 3) : nil
        default:
            return nil
        }
    }

    /// Whether UTF-8 `bytes` need escaping (see `needsEscaping(_:keeping:)`): C0, DEL, backslash, and the lead bytes of C1 controls
    /// (C2 80-9F), U+061C (D8 9C) and the bidi marks (E2 80 8E/8F/AA-AE, E2 81 A6-A9).
    public static func needsEscaping(bytes: UnsafeBufferPointer<UInt8>, keeping kept: Kept = []) -> Bool {
        let count = bytes.count
        var i = 0
        while i < count {
            let b = bytes[i]
            if b >= 0x20 && b < 0x7F && b != 0x5C {
                i += 1
                continue
            }
            switch b {
            case 0x0A where kept.contains(.newlines), 0x09 where kept.contains(.tabs), 0x5C where kept.contains(.backslashes):
                break
            case 0x00..<0x20, 0x7F, 0x5C:
                return true
            default:
                if b >= 0xC2, escapedScalar(in: bytes, at: i) != nil { return true }
            }
            i += 1
        }
        return false
    }

    /// Hexadecimal of `value`, at least two digits (`\x1b` as C writes it, `\u{9B}` as Swift does).
    static func hex(_ value: UInt32, uppercase: Bool) -> String {
        let digits = String(value, radix: 16, uppercase: uppercase)
        return digits.count < 2 ? "0" + digits : digits
    }
}

extension StringProtocol {
    /// The text as a terminal may show it: controls and bidi characters as visible escapes,
    /// backslashes doubled, newlines and tabs escaped too (a field's value, not layout). O(n).
    public var visiblyEscaped: String { VisibleEscapes.escaped(String(self)) }
}
