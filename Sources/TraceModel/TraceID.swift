/// A W3C trace id: 16 bytes, held as two big-endian halves.
///
/// See https://www.w3.org/TR/trace-context/#trace-id. The all-zero id is invalid.
/// 64-bit ids (Zipkin, old Jaeger) are left-padded with zeros to 128 bits.
public struct TraceID: Hashable, Comparable, Sendable {
    /// The first (most significant) 8 bytes.
    public var high: UInt64
    /// The last (least significant) 8 bytes.
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    public static let zero = TraceID(high: 0, low: 0)

    /// False for the all-zero id, which W3C trace context declares invalid.
    public var isValid: Bool { high != 0 || low != 0 }

    public static func < (a: TraceID, b: TraceID) -> Bool {
        a.high != b.high ? a.high < b.high : a.low < b.low
    }

    /// Parses 1 to 32 hex digits, left-padding shorter ids with zeros. Returns nil on any
    /// non-hex character or an empty string.
    public init?(hex: some StringProtocol) {
        var utf8 = Array(hex.utf8)
        guard let parsed = utf8.withUnsafeMutableBufferPointer({ TraceID(hexBytes: UnsafeBufferPointer($0)) })
        else { return nil }
        self = parsed
    }

    /// Parses hex digits straight from a byte buffer (the decoders' fast path).
    public init?(hexBytes bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        guard n > 0, n <= 32 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for b in bytes {
            guard let v = HexDigits.value(b) else { return nil }
            high = (high << 4) | (low >> 60)
            low = (low << 4) | UInt64(v)
        }
        self.init(high: high, low: low)
    }

    /// The id as 32 lowercase hex digits.
    public var hex: String { HexDigits.format(high) + HexDigits.format(low) }

    /// The 16 bytes, most significant first.
    public var bytes: [UInt8] { HexDigits.bytes(high) + HexDigits.bytes(low) }

    /// Builds an id from exactly 16 bytes (or 8, left-padded); nil otherwise.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 16 || bytes.count == 8 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for b in bytes {
            high = (high << 8) | (low >> 56)
            low = (low << 8) | UInt64(b)
        }
        self.init(high: high, low: low)
    }
}

extension TraceID: CustomStringConvertible {
    public var description: String { hex }
}
