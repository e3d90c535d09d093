/// Hex digit helpers shared by the id types.
public enum HexDigits {
    /// The value of one ASCII hex digit (either case), or nil. Branch-light: two range checks
    /// (the decoders call it per id byte).
    @inline(__always)
    public static func value(_ byte: UInt8) -> UInt8? {
        let d = byte &- UInt8(ascii: "0")
        if d < 10 { return d }
        let l = (byte | 0x20) &- UInt8(ascii: "a")
        if l < 6 { return l &+ 10 }
        return nil
    }

    /// The lowercase ASCII hex digit of a nibble (0...15).
    @inline(__always)
    public static func digit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") &+ nibble : UInt8(ascii: "a") &+ nibble &- 10
    }

    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// 16 lowercase hex digits for a 64-bit value.
    public static func format(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            for i in 0..<16 {
                let shift = UInt64((15 - i) * 4)
                buffer[i] = digits[Int((value >> shift) & 0xF)]
            }
            return 16
        }
    }

    /// The 8 bytes of a value, most significant first.
    public static func bytes(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> UInt64((7 - $0) * 8)) }
    }

    /// Lowercase hex of arbitrary bytes.
    public static func format(bytes: some Sequence<UInt8>) -> String {
        var out = [UInt8]()
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
