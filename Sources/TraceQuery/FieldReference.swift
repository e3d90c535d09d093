/// A field as written in a query, resolved. Equality compares `field` only.
public struct FieldReference: Sendable, Hashable {
    public var field: Field
    /// The field as typed (`Service.Name`, `` span.`odd key` ``).
    public var spelling: String
    public var range: SourceRange

    public init(_ field: Field, spelling: String, range: SourceRange) {
        self.field = field
        self.spelling = spelling
        self.range = range
    }

    public static func == (a: FieldReference, b: FieldReference) -> Bool { a.field == b.field }
    public func hash(into hasher: inout Hasher) { hasher.combine(field) }
}

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

/// Where an attribute is looked up.
public enum AttributeScope: String, Sendable, Hashable, CaseIterable {
    /// The span's attributes, then its resource's (`http.status_code`, `.user.id`).
    case any
    /// Only the span's own attributes (`span.http.status_code`).
    case span
    /// Only the resource's attributes (`resource.host.name`).
    case resource

    /// The prefix that selects the scope in query text (`""`, `"span."`, `"resource."`).
    public var prefix: String {
        switch self {
        case .any: ""
        case .span: "span."
        case .resource: "resource."
        }
    }
}

/// The type of a field, which decides the literals and operators it accepts.
public enum FieldType: String, Sendable, Hashable {
    case duration, string, integer, boolean, status, kind, traceID, spanID
    /// An attribute: its type is the type of each value, known only per span.
    case attribute
}
