import TraceModel

/// Hex parsing of ids straight from input bytes.
enum HexParse {
    /// Eight hex digits (either case) loaded little-endian from the input, as a 32-bit value;
    /// nil when any byte is not a hex digit. Word-at-a-time: decode each byte's nibble, then
    /// check the input is exactly the encoding of those nibbles.
    @inline(__always)
    static func word(_ x: UInt64) -> UInt64? {
        let lower = x | 0x2020_2020_2020_2020
        let letter = (lower & 0x4040_4040_4040_4040) &>> 6
        let v = (lower & 0x0F0F_0F0F_0F0F_0F0F) &+ letter &* 9
        let alpha = ((v &+ 0x0606_0606_0606_0606) & 0x1010_1010_1010_1010) &>> 4
        let encoded = v &+ 0x3030_3030_3030_3030 &+ alpha &* 0x27
        // Digits must be digits in the input too (bit 5 set), not control bytes it maps onto.
        guard encoded == lower, v & 0xF0F0_F0F0_F0F0_F0F0 == 0,
              (x | letter &<< 5) & 0x2020_2020_2020_2020 == 0x2020_2020_2020_2020 else { return nil }
        // The first digit is the most significant nibble.
        let pairs = ((v & 0x000F_000F_000F_000F) &<< 4) | ((v & 0x0F00_0F00_0F00_0F00) &>> 8)
        let quads = ((pairs & 0x0000_00FF_0000_00FF) &<< 8) | ((pairs & 0x00FF_0000_00FF_0000) &>> 16)
        return ((quads & 0xFFFF) &<< 16) | ((quads &>> 32) & 0xFFFF)
    }

    @inline(__always)
    private static func load(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> UInt64 {
        UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)
    }

    /// 1 to 32 hex digits as a trace id (shorter ids left-padded with zeros), or nil.
    @inline(__always)
    static func traceID(_ bytes: UnsafeBufferPointer<UInt8>) -> TraceID? {
        let n = bytes.count
        if n == 32 {
            guard let a = word(load(bytes, 0)), let b = word(load(bytes, 8)), let c = word(load(bytes, 16)),
                  let d = word(load(bytes, 24)) else { return nil }
            return TraceID(high: a << 32 | b, low: c << 32 | d)
        }
        if n == 16 {
            guard let a = word(load(bytes, 0)), let b = word(load(bytes, 8)) else { return nil }
            return TraceID(high: 0, low: a << 32 | b)
        }
        guard n > 0, n <= 32 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        var i = 0
        while i < n {
            guard let v = HexDigits.value(bytes[i]) else { return nil }
            high = (high << 4) | (low >> 60)
            low = (low << 4) | UInt64(v)
            i += 1
        }
        return TraceID(high: high, low: low)
    }

    /// 1 to 16 hex digits as a span id (left-padded), or nil.
    @inline(__always)
    static func spanID(_ bytes: UnsafeBufferPointer<UInt8>) -> SpanID? {
        let n = bytes.count
        if n == 16 {
            guard let a = word(load(bytes, 0)), let b = word(load(bytes, 8)) else { return nil }
            return SpanID(a << 32 | b)
        }
        guard n > 0, n <= 16 else { return nil }
        var value: UInt64 = 0
        var i = 0
        while i < n {
            guard let v = HexDigits.value(bytes[i]) else { return nil }
            value = (value << 4) | UInt64(v)
            i += 1
        }
        return SpanID(value)
    }
}
