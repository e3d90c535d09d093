import TraceModel
import TraceQuery

/// A source that searches again when asked: a remote backend, which holds the traces its
/// searches found. The explorer asks it each time the filter changes, and it adds what it finds
/// to what it holds; trex then evaluates the whole filter on every trace held.
public protocol SearchableSource: TraceSource {
    /// "Jaeger", "Tempo", "Zipkin".
    var backendName: String { get }

    /// Searches for `query` (nil: the most recent traces), page by page, adding each page to
    /// what the source holds. `progress` is told how many traces the search found so far after
    /// each page; `isCancelled` is asked before each request, and a cancelled search stops
    /// there, keeping what it found. Throws the backend's failure.
    func search(for query: Query?, progress: (Int) -> Void, isCancelled: () -> Bool) throws -> SearchOutcome

    /// The attribute names the backend knows, as TraceQL writes them (`resource.service.name`,
    /// `span.http.route`), for the filter's completion. Empty when it cannot say.
    func attributeNames() throws -> [String]

    /// The values the backend knows for an attribute (as `attributeNames` writes it), for the
    /// filter's completion. Empty when it cannot say.
    func attributeValues(_ name: String) throws -> [String]

    /// A metrics query (`{ } | rate() by (resource.service.name)`) answered by the backend over
    /// `window` (nil: the window its searches cover), `step` apart (or a step it chooses), or
    /// nil when it does not answer metrics (trex then counts the spans it holds).
    func metrics(_ query: Query, window: ClosedRange<Timestamp>?, step: Nanoseconds?) throws -> MetricsResult?
}

extension SearchableSource {
    public func attributeNames() throws -> [String] { [] }
    public func attributeValues(_ name: String) throws -> [String] { [] }
    public func metrics(_ query: Query, window: ClosedRange<Timestamp>?, step: Nanoseconds?) throws -> MetricsResult? { nil }
}

/// What one search of a backend did.
public struct SearchOutcome: Sendable, Equatable {
    /// "Jaeger".
    public var backend: String
    /// What the backend searched of the query, in words: "service and duration", "the whole
    /// query", "the time window".
    public var searched: String
    /// How many traces the search brought, and how many of those were new to the source.
    public var found: Int
    public var new: Int
    /// Requests made (pages, and the traces fetched by id for them).
    public var pages: Int
    /// The search carried a query (else it asked for the most recent traces).
    public var hadQuery = true
    /// Stopped by `isCancelled` before the backend had no more.
    public var cancelled: Bool
    /// What decoding skipped.
    public var warnings: [String]
    /// The backend could not be reached and the source showed what it had kept from earlier
    /// instead: the failure, and how many kept traces it added.
    public var unreachable: String?
    public var fromCache = 0

    public init(backend: String, searched: String, found: Int = 0, new: Int = 0, pages: Int = 0, cancelled: Bool = false,
                warnings: [String] = []) {
        self.backend = backend
        self.searched = searched
        self.found = found
        self.new = new
        self.pages = pages
        self.cancelled = cancelled
        self.warnings = warnings
    }

    /// "Jaeger searched service and duration; trex filtered the rest".
    public var sentence: String {
        if unreachable != nil { return "\(backend) cannot be reached: showing \(fromCache) traces kept from earlier" }
        if !hadQuery { return "\(backend) searched the time window" }
        return searched == "the whole query" ? "\(backend) searched the whole query; trex checked what came back"
            : "\(backend) searched \(searched); trex filtered the rest"
    }
}
