import TraceModel
import TraceStore

extension Workspace {
    /// The traces with these ids, from every source that holds them; a trace several sources
    /// hold is merged span by span (`SpanTable.merging`), and only then is anything copied.
    /// O(their spans).
    public func loadTraces(_ ids: [TraceID]) throws -> SpanTable {
        if let single { return try single.loadTraces(ids) }
        let tables = try sources.map { try $0.loadTraces(ids) }.filter { !$0.spans.isEmpty }
        return SpanTable.merging(tables)
    }

    /// The traces with these ids as a catalog (with their summaries).
    public func catalog(of ids: [TraceID]) throws -> TraceCatalog {
        TraceCatalog(table: try loadTraces(ids))
    }

    /// Resolves a full trace id or a unique prefix among every source's traces: one source's
    /// answer as it is, else the union of the candidates each source found.
    public func findTrace(_ text: String) throws -> Result<TraceID, TraceCatalog.LookupError> {
        if let single { return try single.findTrace(text) }
        var found: [TraceID: TraceIDCandidate] = [:]
        for source in sources {
            switch try source.findTrace(text) {
            case .success(let id): found[id] = found[id] ?? TraceIDCandidate(id: id, shown: id.shownHex)
            case .failure(.ambiguous(_, let candidates)): for c in candidates { found[c.id] = c }
            case .failure(.empty): return .failure(.empty)
            case .failure(.notFound): break
            }
        }
        switch found.count {
        case 0: return .failure(.notFound(text))
        case 1: return .success(found.keys.first!)
        default: return .failure(.ambiguous(text, candidates: found.values.sorted()))
        }
    }

    /// The trace an id text names, loaded whole (merged across sources): the catalog holding it
    /// and its index there.
    public func trace(named text: String) throws -> Result<(catalog: TraceCatalog, index: Int), TraceCatalog.LookupError> {
        switch try findTrace(text) {
        case .success(let id):
            let catalog = try catalog(of: [id])
            guard let index = catalog.table.traceIndex(of: id) else { return .failure(.notFound(text)) }
            return .success((catalog, index))
        case .failure(let error):
            return .failure(error)
        }
    }
}
