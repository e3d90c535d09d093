/// The kind of value an `Attribute` holds.
public enum AttributeTag: UInt8, Sendable {
    /// An interned string; the payload is its `StringID`.
    case string = 0
    /// A boolean; the payload is 0 or 1.
    case bool = 1
    /// A 64-bit integer that fits in 32 bits; the payload is its bit pattern.
    case smallInt = 2
    /// A 64-bit integer; the payload indexes `SpanTable.scalars`.
    case int = 3
    /// A double; the payload indexes `SpanTable.scalars` (bit pattern).
    case double = 4
    /// Bytes; the payload indexes `SpanTable.blobs`. `Attribute.emptyPayload` marks an
    /// OTLP AnyValue with no value set.
    case bytes = 5
    /// An array; the payload indexes `SpanTable.compounds` (a range of `nested` values).
    case array = 6
    /// A key-value list; the payload indexes `SpanTable.compounds` (a range of `nested`).
    case keyValueList = 7
}

/// One typed attribute in 8 bytes: a key and a tagged payload.
///
/// Strings, booleans and integers that fit in 32 bits live inline; wider values live in side
/// arrays of the `SpanTable` that owns the attribute. Use `SpanTable.value(of:)` to decode one
/// into an `AttributeValue`, or the tag and payload accessors in hot loops.
public struct Attribute: Hashable, Sendable {
    /// Key id in the low 29 bits, tag in the top 3.
    @usableFromInline var keyAndTag: UInt32
    /// The tag-specific payload (see `AttributeTag`).
    public var payload: UInt32

    /// The payload that marks an empty AnyValue (tag `.bytes`).
    public static let emptyPayload: UInt32 = .max

    public init(key: StringID, tag: AttributeTag, payload: UInt32) {
        precondition(key.rawValue < (1 << 29), "too many distinct strings for an attribute key")
        keyAndTag = key.rawValue | (UInt32(tag.rawValue) << 29)
        self.payload = payload
    }

    @inlinable public var key: StringID { StringID(keyAndTag & 0x1FFF_FFFF) }
    @inlinable public var tag: AttributeTag { AttributeTag(rawValue: UInt8(keyAndTag >> 29))! }

    /// The string id when the tag is `.string`.
    @inlinable public var stringID: StringID? { tag == .string ? StringID(payload) : nil }

    /// The boolean when the tag is `.bool`.
    @inlinable public var boolValue: Bool? { tag == .bool ? payload != 0 : nil }

    /// True for an OTLP AnyValue with nothing set.
    public var isEmptyValue: Bool { tag == .bytes && payload == Self.emptyPayload }

    /// An attribute with a string value.
    public static func string(_ key: StringID, _ value: StringID) -> Attribute {
        Attribute(key: key, tag: .string, payload: value.rawValue)
    }

    /// An attribute with a boolean value.
    public static func bool(_ key: StringID, _ value: Bool) -> Attribute {
        Attribute(key: key, tag: .bool, payload: value ? 1 : 0)
    }

    /// An attribute with a small integer, or nil when the value needs the scalar array.
    public static func smallInt(_ key: StringID, _ value: Int64) -> Attribute? {
        guard let small = Int32(exactly: value) else { return nil }
        return Attribute(key: key, tag: .smallInt, payload: UInt32(bitPattern: small))
    }
}
