/// The type tag of one value in the store's attribute encoding (the low 4 bits of an entry's
/// header varint; see `AttributeEncoding`).
enum StoredValueTag: UInt8 {
    /// Payload: varint string id.
    case string = 0
    /// No payload.
    case `false` = 1
    /// No payload.
    case `true` = 2
    /// Payload: zigzag varint.
    case int = 3
    /// Payload: 8 bytes, IEEE 754 bit pattern, little-endian.
    case double = 4
    /// Payload: varint length, then the bytes.
    case bytes = 5
    /// An OTLP AnyValue with nothing set. No payload.
    case empty = 6
    /// Payload: varint byte length, then an attribute block whose keys are all the empty string.
    case array = 7
    /// Payload: varint byte length, then an attribute block.
    case keyValueList = 8
    /// A string stored in the block itself rather than in the `strings` dictionary (schema 2):
    /// attribute string values of at least `inlineThreshold` UTF-8 bytes, which are mostly
    /// unique (URLs, SQL, messages). Payload: varint byte length, then the UTF-8 bytes.
    case inlineString = 9

    /// Attribute string values this long or longer are stored inline (`inlineString`).
    static let inlineThreshold = 24

    /// Bits of the header below the key id.
    static let bits: UInt64 = 4
    static let mask: UInt64 = 0xF
}
