/// The fields every span has, and the trace-level fields computed per trace.
public enum Intrinsic: String, Sendable, Hashable, CaseIterable {
    // MARK: Span fields
    /// End minus start.
    case duration
    /// The span name (operation name).
    case name
    /// The `service.name` of the span's resource.
    case service
    /// OK, ERROR or UNSET.
    case status
    /// The status description.
    case statusMessage
    /// SERVER, CLIENT, PRODUCER, CONSUMER, INTERNAL (or UNSPECIFIED).
    case kind
    case traceID
    case spanID
    /// The parent span id; `"0000000000000000"` for a root span.
    case parentID
    /// True for a span without a parent span id (an orphan, whose parent is missing from the
    /// trace, is not a root).
    case root
    /// Depth below the span's root in the trace tree (roots and orphans are 0).
    case depth
    /// Duration minus the union of its children's intervals clipped to the span.
    case selfTime
    /// The number of the span's children in the trace tree (TraceQL's `span:childCount`).
    case childCount
    /// The name of the span's instrumentation scope (the library that recorded it).
    case scopeName
    /// The version of the span's instrumentation scope.
    case scopeVersion

    // MARK: Event and link fields (a span matches when one of its events or links does)
    /// The name of one of the span's events (`event:name`).
    case eventName
    /// An event's time after its span's start (`event:timeSinceStart`).
    case eventTimeSinceStart
    /// The trace id one of the span's links points to (`link:traceID`).
    case linkTraceID
    /// The span id one of the span's links points to (`link:spanID`).
    case linkSpanID

    // MARK: Trace fields (the same for every span of a trace)
    /// Latest span end minus earliest span start.
    case traceDuration
    /// The root span's service.
    case traceService
    /// The root span's name.
    case traceName
    /// The number of spans.
    case traceSpans
    /// The number of spans with status ERROR.
    case traceErrors
    /// The number of distinct services.
    case traceServices
    /// The trace's problems (`TraceProblems`): `trace:problem = "clock-skew"` holds when the
    /// trace has that problem. Found by the analysis, through the evaluator's problem lookup.
    case traceProblem

    /// The canonical name, as printed.
    public var canonicalName: String {
        switch self {
        case .duration: "duration"
        case .name: "name"
        case .service: "service"
        case .status: "status"
        case .statusMessage: "status.message"
        case .kind: "kind"
        case .traceID: "traceid"
        case .spanID: "spanid"
        case .parentID: "parentid"
        case .root: "root"
        case .depth: "depth"
        case .selfTime: "selftime"
        case .childCount: "childcount"
        case .scopeName: "instrumentation:name"
        case .scopeVersion: "instrumentation:version"
        case .eventName: "event:name"
        case .eventTimeSinceStart: "event:timeSinceStart"
        case .linkTraceID: "link:traceID"
        case .linkSpanID: "link:spanID"
        case .traceDuration: "trace.duration"
        case .traceService: "trace.service"
        case .traceName: "trace.name"
        case .traceSpans: "trace.spans"
        case .traceErrors: "trace.errors"
        case .traceServices: "trace.services"
        case .traceProblem: "trace.problem"
        }
    }

    /// Other accepted names (matched in any case): trex aliases and TraceQL spellings.
    public var aliases: [String] {
        switch self {
        case .duration: ["span:duration"]
        case .name: ["span.name", "span:name"]
        case .service: ["service.name", "resource.service.name"]
        case .status: ["span:status"]
        case .statusMessage: ["statusMessage", "span:statusMessage"]
        case .kind: ["span:kind"]
        case .traceID: ["trace:id", "trace.id"]
        case .spanID: ["span:id", "span.id"]
        case .parentID: ["span:parentID"]
        case .root, .depth, .selfTime, .traceSpans, .traceErrors, .traceServices, .scopeName, .scopeVersion,
             .eventName, .eventTimeSinceStart, .linkTraceID, .linkSpanID: []
        case .childCount: ["span:childCount"]
        case .traceDuration: ["traceDuration", "trace:duration"]
        case .traceService: ["rootServiceName", "trace:rootService"]
        case .traceName: ["rootName", "trace:rootName"]
        case .traceProblem: ["trace:problem", "problem"]
        }
    }

    public var type: FieldType {
        switch self {
        case .duration, .selfTime, .traceDuration, .eventTimeSinceStart: .duration
        case .name, .service, .statusMessage, .traceService, .traceName, .scopeName, .scopeVersion, .eventName: .string
        case .status: .status
        case .kind: .kind
        case .traceID, .linkTraceID: .traceID
        case .spanID, .parentID, .linkSpanID: .spanID
        case .root: .boolean
        case .depth, .childCount, .traceSpans, .traceErrors, .traceServices: .integer
        case .traceProblem: .problem
        }
    }

    /// True for the fields of a span's events or links, which a span without any lacks.
    public var isPerEventOrLink: Bool {
        switch self {
        case .eventName, .eventTimeSinceStart, .linkTraceID, .linkSpanID: true
        default: false
        }
    }

    /// True for the fields that describe the whole trace.
    public var isTraceLevel: Bool {
        switch self {
        case .traceDuration, .traceService, .traceName, .traceSpans, .traceErrors, .traceServices, .traceProblem: true
        default: false
        }
    }

    /// The scopes of TraceQL's intrinsic names (`span:duration`, `event:name`): a name of this
    /// form is an intrinsic or an error, never an attribute.
    static let scopes: Set<String> = ["span", "trace", "event", "link", "instrumentation", "resource", "parent"]

    /// Every accepted name of the `scope:name` form, for suggestions.
    static var scopedNames: [String] {
        allCases.flatMap { [$0.canonicalName] + $0.aliases }.filter { $0.contains(":") }
    }

    /// Looks a name up among canonical names and aliases, in any case. O(1).
    public init?(named name: String) {
        guard let found = Self.byName[name.lowercased()] else { return nil }
        self = found
    }

    /// Every accepted name, lower-cased, to its intrinsic.
    static let byName: [String: Intrinsic] = {
        var table: [String: Intrinsic] = [:]
        for i in Intrinsic.allCases {
            table[i.canonicalName.lowercased()] = i
            for alias in i.aliases { table[alias.lowercased()] = i }
        }
        return table
    }()
}
