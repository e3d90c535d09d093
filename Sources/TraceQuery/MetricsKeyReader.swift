import TraceModel

/// Reads the value of one `by(...)` field of a span as a 64-bit key that is cheap to hash, and
/// turns a key back into the label value. Keys hold the table's string ids, so they are valid
/// for one table only; other values are interned into a table-independent list.
struct MetricsKeyReader {
    /// Keys: 0 missing; tag 1 a string id; 2 a boolean; 3 an interned value; 4 a status, 5 a kind;
    /// 6 a small integer's bits.
    private static let tagShift: UInt64 = 56

    let field: Field
    private let table: SpanTable
    private let keys: [StringID]
    /// True when the value depends on the span's resource alone (answered once per resource).
    let isPerResource: Bool

    init(_ field: Field, table: SpanTable) {
        self.field = field
        self.table = table
        switch field {
        case .attribute(let scope, let name):
            keys = AttributeAliases.keys(for: name).compactMap { table.strings.lookup($0) }.filter { !$0.isEmpty }
            isPerResource = scope == .resource
        case .intrinsic(let i):
            keys = []
            isPerResource = i == .service
        }
    }

    /// The key of a span (local index `local` of `trace`); `values` reads what has no fast path.
    @inline(__always)
    func key(_ span: Span, local: Int, values: () -> FieldValues, interned: inout ValueInterner) -> UInt64 {
        switch field {
        case .intrinsic(.service): return Self.string(table.serviceID(of: span))
        case .intrinsic(.name): return Self.string(span.name)
        case .intrinsic(.status): return 4 << Self.tagShift | UInt64(span.status.rawValue)
        case .intrinsic(.kind): return 5 << Self.tagShift | UInt64(span.kind.rawValue)
        case .attribute(let scope, _) where scope == .any || scope == .span || scope == .resource:
            return table.attribute(keys, scope: scope, of: span).map { key($0, &interned) } ?? 0
        default:
            let v = values()
            if case .attribute = field {
                guard let value = v.attribute(field, local: local) else { return 0 }
                return interned.key(Self.label(value))
            }
            guard let text = v.text(of: field, span: local) else { return 0 }
            if let n = v.number(of: field, span: local), field.type == .integer || field.type == .duration {
                return interned.key(.int(DynamicValue.clampedInteger(n)))
            }
            return interned.key(.string(text))
        }
    }

    /// The label value of a key.
    func label(_ key: UInt64, interned: ValueInterner) -> MetricLabelValue {
        Self.decode(key, table, interned)
    }

    /// The key of a string id.
    @inline(__always)
    static func stringKey(_ id: StringID) -> UInt64 { string(id) }

    /// The key of a scalar attribute's value (strings, booleans and integers without
    /// allocating); nil for arrays, maps and bytes.
    @inline(__always)
    static func scalarKey(_ a: Attribute, _ table: SpanTable, _ interned: inout ValueInterner) -> UInt64? {
        switch a.tag {
        case .string: return string(StringID(a.payload))
        case .bool: return 2 << tagShift | UInt64(a.payload)
        case .smallInt: return 6 << tagShift | UInt64(a.payload)
        case .int: return table.intValue(of: a).map { interned.key(.int($0)) }
        case .double: return table.doubleValue(of: a).map { interned.key(.double($0)) }
        default: return nil
        }
    }

    /// The label value of a key read from `table`.
    static func decode(_ key: UInt64, _ table: SpanTable, _ interned: ValueInterner) -> MetricLabelValue {
        let payload = key & ((1 << Self.tagShift) - 1)
        switch key >> Self.tagShift {
        case 1: return .string(table.strings[StringID(UInt32(payload))])
        case 2: return .bool(payload != 0)
        case 3: return interned.values[Int(payload)]
        case 4: return .string(StatusCode(rawValue: UInt8(payload)).map(\.name) ?? "")
        case 5: return .string(SpanKind(rawValue: UInt8(payload)).map(\.name) ?? "")
        case 6: return .int(Int64(Int32(bitPattern: UInt32(truncatingIfNeeded: payload))))
        default: return .none
        }
    }

    @inline(__always)
    private static func string(_ id: StringID) -> UInt64 { 1 << tagShift | UInt64(id.rawValue) }

    @inline(__always)
    private func key(_ a: Attribute, _ interned: inout ValueInterner) -> UInt64 {
        switch a.tag {
        case .string: return Self.string(StringID(a.payload))
        case .bool: return 2 << Self.tagShift | UInt64(a.payload)
        default: return interned.key(Self.label(table.value(of: a)))
        }
    }

    static func label(_ v: AttributeValue) -> MetricLabelValue {
        switch v {
        case .string(let s): .string(s)
        case .bool(let b): .bool(b)
        case .int(let i): .int(i)
        case .double(let d): .double(d)
        default: .string(v.displayText)
        }
    }
}

/// Label values other than the table's strings, numbered once across tables.
struct ValueInterner {
    private(set) var values: [MetricLabelValue] = []
    private var index: [MetricLabelValue: Int] = [:]

    mutating func key(_ v: MetricLabelValue) -> UInt64 {
        if let i = index[v] { return 3 << 56 | UInt64(i) }
        index[v] = values.count
        values.append(v)
        return 3 << 56 | UInt64(values.count - 1)
    }
}
