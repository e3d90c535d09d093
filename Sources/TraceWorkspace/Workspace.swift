import TraceModel
import TraceStore

/// Every open source of traces, composed: what the commands and the explorer read, so that they
/// always say the same thing.
///
/// A workspace holds any number of `TraceSource`s (files in memory, the persistent store, and
/// whatever else conforms) and answers every question about the traces as if they had all been
/// loaded together: a trace whose spans sit in several sources is merged, for that trace only
/// (`sharedTraceIDs()`); everything else is read from its own source without copying.
///
/// - Listing: `listing()`, summaries alone (the store reads its `traces` table, no span).
/// - Finding: `findTrace(_:)`, the id text a user typed, across sources.
/// - Loading: `loadTraces(_:)`, `catalog(of:)`, on demand.
/// - Querying: `query(_:)`, each source's pushdown, then the exact evaluation.
/// - Analysis: `analysisSubject(_:)` and `report(_:options:)`, a trace with the neighbouring
///   traces its cross-trace findings need.
/// - Whole-set work: `forEachBatch(spans:_:)`, source by source in bounded memory.
/// - Problems: `problems(of:)`, each trace's `TraceProblems`, found once and remembered.
///
/// Immutable but for the problems it remembers (behind a lock); thread-safe when its sources
/// are.
public final class Workspace: Sendable {
    public let sources: [any TraceSource]
    /// Problems found so far (`problems(of:)`), shared by every reader of the workspace.
    let problemCache = ProblemCache()

    public init(sources: [any TraceSource]) {
        self.sources = sources
    }

    /// Files in memory and/or a store: the usual composition of the commands and the explorer.
    public convenience init(files: TraceCatalog?, store: PersistentStore?) {
        var sources: [any TraceSource] = []
        if let files { sources.append(files) }
        if let store { sources.append(store) }
        self.init(sources: sources)
    }

    /// The one source when there is exactly one.
    var single: (any TraceSource)? { sources.count == 1 ? sources[0] : nil }

    /// The trace ids more than one source holds: their spans are merged before anything reads
    /// them. Empty with one source. O(traces of every source).
    public func sharedTraceIDs() throws -> Set<TraceID> {
        guard sources.count > 1 else { return [] }
        var seen = Set<TraceID>()
        var shared = Set<TraceID>()
        for source in sources {
            for id in try source.traceIDs() where !seen.insert(id).inserted { shared.insert(id) }
        }
        return shared
    }

    /// Every trace id, sorted and without duplicates. O(traces).
    public func allTraceIDs() throws -> [TraceID] {
        if let single { return try single.traceIDs() }
        var ids = Set<TraceID>()
        for source in sources { ids.formUnion(try source.traceIDs()) }
        return ids.sorted()
    }

    /// The shortest trace id prefix (at least 8 digits) that tells every trace apart. O(traces).
    public func uniquePrefixLength() throws -> Int {
        TraceIDPrefix.uniqueLength(try allTraceIDs())
    }
}
