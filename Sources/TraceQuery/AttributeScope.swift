/// Where an attribute is looked up.
public enum AttributeScope: String, Sendable, Hashable, CaseIterable {
    /// The span's attributes, then its resource's (`http.status_code`, `.user.id`).
    case any
    /// Only the span's own attributes (`span.http.status_code`).
    case span
    /// Only the resource's attributes (`resource.host.name`).
    case resource
    /// The attributes of the span's events (TraceQL's `event.`): true when one event's holds.
    case event
    /// The attributes of the span's links (`link.`): true when one link's holds.
    case link
    /// The attributes of the span's instrumentation scope (`instrumentation.`).
    case instrumentation
    /// The parent span's attributes, then its resource's (`parent.`); false for a root.
    case parent
    /// Only the parent span's own attributes (`parent.span.`).
    case parentSpan
    /// Only the parent span's resource's attributes (`parent.resource.`).
    case parentResource

    /// The prefix that selects the scope in query text (`""`, `"span."`, `"resource."` ...).
    public var prefix: String {
        switch self {
        case .any: ""
        case .span: "span."
        case .resource: "resource."
        case .event: "event."
        case .link: "link."
        case .instrumentation: "instrumentation."
        case .parent: "parent."
        case .parentSpan: "parent.span."
        case .parentResource: "parent.resource."
        }
    }

    /// The scopes only TraceQL (a braced query) has: without braces `event.name` is an
    /// attribute key, as OpenTelemetry writes them.
    public var isTraceQLOnly: Bool {
        switch self {
        case .any, .span, .resource: false
        default: true
        }
    }

    /// For the parent scopes, the scope looked up on the parent span.
    var onParent: AttributeScope? {
        switch self {
        case .parent: .any
        case .parentSpan: .span
        case .parentResource: .resource
        default: nil
        }
    }

    /// Every prefix, longest first so `parent.span.` wins over `parent.`.
    static let byPrefix: [(String, AttributeScope)] = allCases.filter { $0 != .any }
        .map { ($0.prefix, $0) }.sorted { $0.0.count > $1.0.count } + [(".", .any)]
}
