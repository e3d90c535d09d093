/// FNV-1a hashing, stable across runs and platforms (unlike `Hasher`).
///
/// Used to map ids that are not hex at all ("span-1" in hand-written fixtures) to a
/// fixed-size id, and by the string table.
public enum StableHash {
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    public static let prime: UInt64 = 0x0000_0100_0000_01b3

    @inline(__always)
    public static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64 = offsetBasis) -> UInt64 {
        var h = seed
        for b in bytes {
            h ^= UInt64(b)
            h = h &* prime
        }
        return h
    }

    public static func fnv1a(_ text: some StringProtocol, seed: UInt64 = offsetBasis) -> UInt64 {
        var h = seed
        for b in text.utf8 {
            h ^= UInt64(b)
            h = h &* prime
        }
        return h
    }

    /// A non-zero span id derived from arbitrary text.
    public static func spanID(for text: some StringProtocol) -> SpanID {
        let h = fnv1a(text)
        return SpanID(h == 0 ? 1 : h)
    }

    /// A non-zero trace id derived from arbitrary text.
    public static func traceID(for text: some StringProtocol) -> TraceID {
        let high = fnv1a(text)
        let low = fnv1a(text, seed: high ^ 0x9e37_79b9_7f4a_7c15)
        return TraceID(high: high, low: low == 0 && high == 0 ? 1 : low)
    }
}
