/// A W3C span id: 8 bytes. The all-zero id means "no span" (for example, no parent).
///
/// See https://www.w3.org/TR/trace-context/#parent-id.
public struct SpanID: Hashable, Comparable, Sendable {
    public var rawValue: UInt64

    public init(_ rawValue: UInt64) { self.rawValue = rawValue }

    public static let zero = SpanID(0)

    /// False for the all-zero id.
    public var isValid: Bool { rawValue != 0 }

    public static func < (a: SpanID, b: SpanID) -> Bool { a.rawValue < b.rawValue }

    /// Parses 1 to 16 hex digits, left-padding shorter ids. Nil on a non-hex character.
    public init?(hex: some StringProtocol) {
        var utf8 = Array(hex.utf8)
        guard let parsed = utf8.withUnsafeMutableBufferPointer({ SpanID(hexBytes: UnsafeBufferPointer($0)) })
        else { return nil }
        self = parsed
    }

    /// Parses hex digits straight from a byte buffer (the decoders' fast path).
    public init?(hexBytes bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count > 0, bytes.count <= 16 else { return nil }
        var value: UInt64 = 0
        for b in bytes {
            guard let v = HexDigits.value(b) else { return nil }
            value = (value << 4) | UInt64(v)
        }
        self.init(value)
    }

    /// Builds an id from exactly 8 bytes; nil otherwise.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 8 else { return nil }
        var value: UInt64 = 0
        for b in bytes { value = (value << 8) | UInt64(b) }
        self.init(value)
    }

    /// The id as 16 lowercase hex digits.
    public var hex: String { HexDigits.format(rawValue) }

    /// The 8 bytes, most significant first.
    public var bytes: [UInt8] { HexDigits.bytes(rawValue) }
}

extension SpanID: CustomStringConvertible {
    public var description: String { hex }
}
