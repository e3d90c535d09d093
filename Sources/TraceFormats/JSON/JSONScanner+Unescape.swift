import TraceModel

extension JSONScanner {
    // MARK: - Unescaping

    /// Decodes a string's escapes into the scratch buffer. O(length).
    ///
    /// `\uXXXX` escapes become UTF-8; a surrogate pair becomes one scalar and a lone surrogate
    /// becomes U+FFFD (as most JSON readers do), so the result is always valid to intern.
    mutating func unescape(_ s: JSONString) throws(JSONError) -> UnsafeBufferPointer<UInt8> {
        scratch.reserve(s.rawCount)
        let out = scratch.pointer
        var n = 0
        var i = s.start
        while i < s.end {
            let b = base[i]
            if b != UInt8(ascii: "\\") {
                out[n] = b
                n += 1
                i += 1
                continue
            }
            guard i + 1 < s.end else { throw JSONError(offset: i, problem: .badEscape) }
            let e = base[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out[n] = e
            case UInt8(ascii: "b"): out[n] = 0x08
            case UInt8(ascii: "f"): out[n] = 0x0C
            case UInt8(ascii: "n"): out[n] = 0x0A
            case UInt8(ascii: "r"): out[n] = 0x0D
            case UInt8(ascii: "t"): out[n] = 0x09
            case UInt8(ascii: "u"):
                guard let unit = hex4(at: i, limit: s.end) else { throw JSONError(offset: i - 2, problem: .badEscape) }
                i += 4
                var scalar = UInt32(unit)
                if unit >= 0xD800 && unit < 0xDC00 {
                    // A high surrogate: combine with a following low surrogate when there is one.
                    if i + 6 <= s.end, base[i] == UInt8(ascii: "\\"), base[i + 1] == UInt8(ascii: "u"),
                       let low = hex4(at: i + 2, limit: s.end), low >= 0xDC00 && low < 0xE000 {
                        scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                        i += 6
                    } else {
                        scalar = 0xFFFD
                    }
                } else if unit >= 0xDC00 && unit < 0xE000 {
                    scalar = 0xFFFD
                }
                n += Self.writeUTF8(scalar, to: out + n)
                continue
            default:
                throw JSONError(offset: i - 2, problem: .badEscape)
            }
            n += 1
        }
        return UnsafeBufferPointer(start: out, count: n)
    }

    /// Four hex digits at an offset, or nil.
    private func hex4(at offset: Int, limit: Int) -> UInt16? {
        guard offset + 4 <= limit else { return nil }
        var v: UInt16 = 0
        for k in 0..<4 {
            guard let d = HexDigits.value(base[offset + k]) else { return nil }
            v = v << 4 | UInt16(d)
        }
        return v
    }

    /// Writes a scalar (at most U+10FFFF) as UTF-8; returns the byte count (at most 4; an
    /// escape takes 6 input bytes, so the output never outgrows the input).
    static func writeUTF8(_ scalar: UInt32, to out: UnsafeMutablePointer<UInt8>) -> Int {
        switch scalar {
        case 0..<0x80:
            out[0] = UInt8(scalar)
            return 1
        case 0x80..<0x800:
            out[0] = UInt8(0xC0 | (scalar >> 6))
            out[1] = UInt8(0x80 | (scalar & 0x3F))
            return 2
        case 0x800..<0x10000:
            out[0] = UInt8(0xE0 | (scalar >> 12))
            out[1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            out[2] = UInt8(0x80 | (scalar & 0x3F))
            return 3
        default:
            out[0] = UInt8(0xF0 | (scalar >> 18))
            out[1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
            out[2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            out[3] = UInt8(0x80 | (scalar & 0x3F))
            return 4
        }
    }
}
