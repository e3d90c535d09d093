/// The fingerprint shared by `KeyTable` and `InternCache`.
enum Fingerprint {
    /// The first and last eight bytes of a name (overlapping or zero-padded when shorter).
    @inline(__always)
    static func of(_ key: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        let n = key.count
        guard n > 0, let p = key.baseAddress else { return (0, 0) }
        let raw = UnsafeRawPointer(p)
        if n >= 8 {
            return (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
        }
        if n >= 4 {
            let a = UInt64(raw.loadUnaligned(as: UInt32.self))
            let b = UInt64(raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
            return (a | b << 32, 0)
        }
        var w: UInt64 = 0
        for i in 0..<n { w |= UInt64(p[i]) << UInt64(i * 8) }
        return (w, 0)
    }
}
