/// Word-at-a-time byte tests (SIMD within a register) for the string scanner.
enum SWAR {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// High bits flag the zero bytes of `x`; the lowest flag is always exact (flags above a
    /// zero byte may be false, from borrows), which is all the scanner needs.
    @inline(__always)
    static func zeroFlags(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }

    /// Flags for the bytes of `word` that stop a string scan: a quote, a backslash, or a byte
    /// below 0x20. Zero when there is none; otherwise the lowest flag marks the first one.
    @inline(__always)
    static func stopMask(_ word: UInt64) -> UInt64 {
        zeroFlags(word ^ (ones &* 0x22)) | zeroFlags(word ^ (ones &* 0x5C)) | ((word &- (ones &* 0x20)) & ~word & highs)
    }
}
