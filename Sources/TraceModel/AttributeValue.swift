/// A decoded attribute value, as OTLP's `AnyValue` defines it.
///
/// This is the convenient form for display, encoding and tests; spans store the compact
/// `Attribute` and decode on demand.
public indirect enum AttributeValue: Hashable, Sendable {
    case string(String)
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case bytes([UInt8])
    case array([AttributeValue])
    case keyValueList([KeyValue])
    /// An AnyValue with no value set.
    case empty

    /// The value as one line of text, for tables and the detail pane.
    public var displayText: String {
        switch self {
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return DoubleFormat.string(d)
        case .bytes(let b): return HexDigits.format(bytes: b)
        case .array(let items): return "[" + items.map(\.quotedText).joined(separator: ", ") + "]"
        case .keyValueList(let pairs):
            return "{" + pairs.map { "\($0.key): \($0.value.quotedText)" }.joined(separator: ", ") + "}"
        case .empty: return ""
        }
    }

    /// Like `displayText`, with strings in double quotes (used inside arrays and lists).
    public var quotedText: String {
        if case .string(let s) = self { return "\"" + s + "\"" }
        return displayText
    }
}

/// One entry of a key-value list value.
public struct KeyValue: Hashable, Sendable {
    public var key: String
    public var value: AttributeValue

    public init(_ key: String, _ value: AttributeValue) {
        self.key = key
        self.value = value
    }
}

/// Locale-independent, round-trippable formatting of doubles.
public enum DoubleFormat {
    public static func string(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }
}
