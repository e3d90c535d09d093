import TraceModel

/// Hex parsing of ids straight from input bytes.
enum HexParse {
    /// The value of an ASCII hex digit (either case), or nil. Branch-light: two range checks.
    @inline(__always)
    static func digit(_ b: UInt8) -> UInt8? {
        let d = b &- UInt8(ascii: "0")
        if d < 10 { return d }
        let l = (b | 0x20) &- UInt8(ascii: "a")
        if l < 6 { return l &+ 10 }
        return nil
    }

    /// 1 to 32 hex digits as a trace id (shorter ids left-padded with zeros), or nil.
    @inline(__always)
    static func traceID(_ bytes: UnsafeBufferPointer<UInt8>) -> TraceID? {
        let n = bytes.count
        guard n > 0, n <= 32 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        var i = 0
        while i < n {
            guard let v = digit(bytes[i]) else { return nil }
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
        guard n > 0, n <= 16 else { return nil }
        var value: UInt64 = 0
        var i = 0
        while i < n {
            guard let v = digit(bytes[i]) else { return nil }
            value = (value << 4) | UInt64(v)
            i += 1
        }
        return SpanID(value)
    }
}
