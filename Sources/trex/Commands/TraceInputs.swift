import ArgumentParser
import TraceModel
import TraceStore

/// The traces a command reads: files loaded in memory, the persistent store, or both
/// (`InputOptions.resolve()`). Each method reads only what its command needs from the store:
/// summaries for `list`, candidates for `query`, one trace (and its neighbours for `analyze`)
/// for `show`, everything for `stats`, `deps` and `convert`.
struct TraceInputs {
    /// The files, when some were given.
    let files: TraceCatalog?
    /// The store, when no file was given or `--store` was.
    let store: PersistentStore?

    /// Every trace, files and store merged. O(all spans).
    func everything() throws -> TraceCatalog {
        guard let store else { return files! }
        let stored = try storeOperation { () throws(StoreError) in try store.loadAllTraces() }
        guard let files else { return TraceCatalog(table: stored) }
        return TraceCatalog(table: SpanTable.merging([files.table, stored].filter { !$0.spans.isEmpty }))
    }

    /// The traces with these ids, files and store merged. O(their spans).
    func traces(_ ids: [TraceID]) throws -> SpanTable {
        var tables: [SpanTable] = []
        if let files { tables.append(files.loadTraces(ids)) }
        if let store { tables.append(try storeOperation { () throws(StoreError) in try store.loadTraces(ids) }) }
        return SpanTable.merging(tables.filter { !$0.spans.isEmpty })
    }

    /// Resolves a full trace id or a unique prefix among the files' and the store's traces.
    func findTrace(_ text: String) throws -> Result<TraceID, TraceCatalog.LookupError> {
        var results: [Result<TraceID, TraceCatalog.LookupError>] = []
        if let files { results.append(files.findTrace(text)) }
        if let store { results.append(try storeOperation { () throws(StoreError) in try store.findTrace(text) }) }
        var found: [TraceID: TraceIDCandidate] = [:]
        for result in results {
            switch result {
            case .success(let id): found[id] = found[id] ?? TraceIDCandidate(id: id, shown: id.shownHex)
            case .failure(.ambiguous(_, let candidates)): for c in candidates { found[c.id] = c }
            case .failure(.empty): return result
            case .failure(.notFound): break
            }
        }
        switch found.count {
        case 0: return .failure(.notFound(text))
        case 1: return .success(found.keys.first!)
        default: return .failure(.ambiguous(text, candidates: found.values.sorted()))
        }
    }

    /// The trace a full id or unique prefix names, loaded whole, as a catalog of that trace
    /// and its index; prints why and exits 1 when there is no such single trace.
    func trace(_ text: String) throws -> (catalog: TraceCatalog, index: Int) {
        if let files, store == nil {
            switch files.find(text) {
            case .success(let index): return (files, index)
            case .failure(let error): return try Self.fail(error)
            }
        }
        switch try findTrace(text) {
        case .success(let id):
            let catalog = TraceCatalog(table: try traces([id]))
            return (catalog, catalog.table.traceIndex(of: id)!)
        case .failure(let error): return try Self.fail(error)
        }
    }

    private static func fail<T>(_ error: TraceCatalog.LookupError) throws -> T {
        FileHandleOutput.message("\(error)")
        throw ExitCode(1)
    }

    /// Every trace id, files and store, sorted and without duplicates. O(traces).
    func allTraceIDs() throws -> [TraceID] {
        var ids = Set(files?.table.traces.map(\.traceID) ?? [])
        if let store { ids.formUnion(try storeOperation { () throws(StoreError) in try store.traceIDs() }) }
        return ids.sorted()
    }

    /// The shortest trace id prefix (at least 8 digits) that tells every input trace apart, as
    /// `TraceCatalog.uniquePrefixLength()` computes it for files. O(traces).
    func uniquePrefixLength() throws -> Int {
        if let files, store == nil { return files.uniquePrefixLength() }
        return TraceIDPrefix.uniqueLength(try allTraceIDs())
    }
}
