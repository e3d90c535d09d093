/// What a field name refers to.
public enum Field: Sendable, Hashable {
    /// A field every span has (`duration`, `status` ...) or a trace-level field (`trace.duration`).
    case intrinsic(Intrinsic)
    /// A span or resource attribute by key. Keys are case-sensitive; the OpenTelemetry renamed
    /// conventions (`AttributeAliases`) are looked up too.
    case attribute(AttributeScope, String)

    /// The type of values the field holds.
    public var type: FieldType {
        switch self {
        case .intrinsic(let i): i.type
        case .attribute: .attribute
        }
    }
}
