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
