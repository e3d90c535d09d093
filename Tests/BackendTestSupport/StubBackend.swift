import Dispatch
import Synchronization
import TraceModel
import TraceQuery
import TraceStore

/// A backend for tests of what sits above `SearchableSource` (the workspace's vocabulary, the
/// explorer's searches and completion), without a network: every search brings the same pages,
/// one per request; a page can be made to wait (`holdFrom`, `release()`) so a test can act while
/// the search runs; a trace no search brings can be fetched by id; attribute names and values
/// are given; `searchFailure` makes searches throw it, `failure` the names and values.
public final class StubBackend: SearchableSource, CatalogBackedSource, Sendable {
    private let held = Mutex(TraceCatalog(table: .empty))
    let name: String
    let pages: [SpanTable]
    let failure: String?
    let searchFailure: String?
    let holdFrom: Int?
    let fetchable: SpanTable?
    let names: [String]
    let values: [String: [String]]
    private let gate = DispatchSemaphore(value: 0)
    /// The queries searched, as written ("" for none).
    public let asked = Mutex<[String]>([])
    /// The attributes whose values were asked.
    public let askedValues = Mutex<[String]>([])

    public init(name: String = "Stub", pages: [SpanTable] = [], failure: String? = nil, searchFailure: String? = nil, holdFrom: Int? = nil,
                fetchable: SpanTable? = nil, names: [String] = [], values: [String: [String]] = [:]) {
        self.name = name
        self.pages = pages
        self.failure = failure
        self.searchFailure = searchFailure
        self.holdFrom = holdFrom
        self.fetchable = fetchable
        self.names = names
        self.values = values
    }

    /// Lets one held page through.
    public func release() { gate.signal() }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    // MARK: - SearchableSource

    public var backendName: String { name }

    public func search(for query: Query?, progress: (Int) -> Void, isCancelled: () -> Bool) throws -> SearchOutcome {
        asked.withLock { $0.append(query?.text ?? "") }
        if let searchFailure { throw Failure(description: searchFailure) }
        var outcome = SearchOutcome(backend: name, searched: query == nil ? "the time window" : "service and duration")
        outcome.hadQuery = query != nil
        for (i, page) in pages.enumerated() {
            if let holdFrom, i >= holdFrom { gate.wait() }
            if isCancelled() {
                outcome.cancelled = true
                return outcome
            }
            held.withLock { $0 = TraceCatalog(table: SpanTable.merging([$0.table, page])) }
            outcome.found += page.traces.count
            progress(outcome.found)
        }
        return outcome
    }

    public func attributeNames() throws -> [String] {
        if let failure { throw Failure(description: failure) }
        return names
    }

    public func attributeValues(_ name: String) throws -> [String] {
        askedValues.withLock { $0.append(name) }
        if let failure { throw Failure(description: failure) }
        return values[name] ?? []
    }

    // MARK: - TraceSource

    public var heldCatalog: TraceCatalog { held.withLock { $0 } }
    public var sourceDescription: String { "the stub backend \(name)" }

    /// Finds `fetchable` by id (and holds it from then on), as a backend's trace by id.
    public func findTrace(_ text: String) -> Result<TraceID, TraceCatalog.LookupError> {
        if let fetchable, case .success(let id) = TraceCatalog(table: fetchable).findTrace(text) {
            held.withLock { $0 = TraceCatalog(table: SpanTable.merging([$0.table, fetchable])) }
            return .success(id)
        }
        return heldCatalog.findTrace(text)
    }
}
