/// The forms in which people write a trace id.
///
/// Files, Jaeger UI and Zipkin show one id in different ways: 32 hex digits (W3C, OTLP); 16
/// digits for a 64-bit id (Zipkin, old Jaeger: the high half is zero); and without leading
/// zeros, as Jaeger formats its ids (`%x` of the high half, then 16 digits of the low half), so
/// an id whose first digit is 0 is often written with 31 digits. `TraceIDPattern` matches any
/// prefix of any of these forms, or of the text a non-hex id was written as.
extension TraceID {
    /// The id as trex shows it: 16 digits for a 64-bit id (zero high half), else 32.
    public var shownHex: String { high == 0 ? HexDigits.format(low) : hex }

    /// The number of leading zero hex digits of the 32-digit form (32 for the zero id).
    var leadingZeroDigits: Int {
        high != 0 ? high.leadingZeroBitCount / 4 : 16 + low.leadingZeroBitCount / 4
    }

    /// Hex digit `i` (0 = most significant) of the 32-digit form.
    @inline(__always)
    func digit(_ i: Int) -> UInt8 {
        let half = i < 16 ? high : low
        return UInt8(truncatingIfNeeded: half >> UInt64((15 - i % 16) * 4)) & 0xF
    }
}
