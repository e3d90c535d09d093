/// The checks `trex lint` runs, each a lesson of the primer on how tracing goes wrong, with the
/// names the CLI's JSON and `--rule` use. docs/lint.md explains each one.
public enum LintRule: String, Sendable, Hashable, CaseIterable, Encodable {
    // Context propagation.
    /// Calls from one service to another whose answer starts a new trace.
    case brokenPropagation = "broken-propagation"
    /// Spans whose parent is not in their trace.
    case lostParent = "lost-parent"
    /// SERVER spans without a remote parent in a service that others call.
    case serverWithoutRemoteParent = "server-without-remote-parent"
    // Sampling consistency.
    /// A child whose sampled flag differs from its parent's.
    case sampledFlagMismatch = "sampled-flag-mismatch"
    /// Calls to an instrumented service whose side is missing from the trace.
    case perServiceSampling = "per-service-sampling"
    /// Spans of one call chain disagreeing on `sampling.priority` or tracestate's sampling.
    case samplingPriorityDisagreement = "sampling-priority-disagreement"
    // Over-instrumentation.
    /// Many sibling spans of one operation under one parent.
    case spansInLoop = "spans-in-loop"
    /// Span names that embed ids.
    case highCardinalityName = "high-cardinality-name"
    // Semantic conventions.
    /// A deprecated attribute name, with its replacement.
    case deprecatedAttribute = "deprecated-attribute"
    /// A name that is not a convention but looks like one.
    case nonConventionalAttribute = "non-conventional-attribute"
    /// A conventional attribute with a value of the wrong type.
    case attributeType = "attribute-type"
    /// A span missing an attribute its kind requires.
    case missingRequiredAttribute = "missing-required-attribute"
    // Context-poor spans.
    /// Operations whose spans carry nothing beyond the SDK's defaults.
    case contextPoorSpan = "context-poor-span"
    /// Errors with no exception event and no status message.
    case errorWithoutDetail = "error-without-detail"

    public var level: LintLevel {
        switch self {
        case .brokenPropagation, .sampledFlagMismatch, .perServiceSampling: .error
        case .contextPoorSpan: .info
        default: .warning
        }
    }

    /// The group of lessons the rule belongs to, as docs/lint.md and the panel group them.
    public var category: String {
        switch self {
        case .brokenPropagation, .lostParent, .serverWithoutRemoteParent: "context propagation"
        case .sampledFlagMismatch, .perServiceSampling, .samplingPriorityDisagreement: "sampling consistency"
        case .spansInLoop, .highCardinalityName: "over-instrumentation"
        case .deprecatedAttribute, .nonConventionalAttribute, .attributeType, .missingRequiredAttribute: "semantic conventions"
        case .contextPoorSpan, .errorWithoutDetail: "context-poor spans"
        }
    }

    /// How to fix what the rule finds, in a sentence or two.
    public var fix: String {
        switch self {
        case .brokenPropagation:
            "Propagate the trace context on this call: instrument the caller's HTTP or RPC client (or inject "
                + "traceparent by hand), have the callee extract it, and make sure proxies in between forward the "
                + "traceparent and tracestate headers."
        case .lostParent:
            "Make sure the parent's service exports its spans (instrumented, flushed on shutdown) and that every "
                + "service follows the caller's sampling decision (a parent-based sampler)."
        case .serverWithoutRemoteParent:
            "Extract the incoming context in this service's server instrumentation, with the same propagator as its "
                + "callers (W3C tracecontext, B3 or Jaeger)."
        case .sampledFlagMismatch:
            "Use a parent-based sampler in the child's service so that it follows the caller's decision."
        case .perServiceSampling:
            "Decide once, at the root, and propagate the decision: a parent-based sampler in every service "
                + "downstream, or tail sampling in the collector."
        case .samplingPriorityDisagreement:
            "Set sampling.priority (or the tracestate sampling entry) at the root only and let children inherit it."
        case .spansInLoop:
            "Record the loop as one span (the item count as an attribute, events for notable iterations), or batch "
                + "the calls it makes."
        case .highCardinalityName:
            "Keep ids out of span names: name the span after the operation or route template (GET /users/{id}) and "
                + "put the id in an attribute."
        case .deprecatedAttribute:
            "Rename the attribute (a newer instrumentation library does it for you); queries in trex find either name."
        case .nonConventionalAttribute:
            "Use the OpenTelemetry semantic-conventions name, so that backends, dashboards and queries recognise it."
        case .attributeType:
            "Record the value with the type the conventions give it (an integer status code, not a string)."
        case .missingRequiredAttribute:
            "Add the attribute: the conventions require it for spans of this kind, and grouping and search rely on it."
        case .contextPoorSpan:
            "Add what explains the span: the ids it worked on, sizes, the decision it took (as attributes), "
                + "or remove the span."
        case .errorWithoutDetail:
            "Record the exception (span.recordException) or set a status description saying what failed."
        }
    }
}
