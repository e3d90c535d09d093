import TraceModel
import TraceQuery
import TraceStore

/// What `trex query` found: the matches, the traces they index, and how wide trace ids print.
struct QueryFindings {
    /// The traces the query was evaluated on (all the files' traces, the store's candidates).
    let catalog: TraceCatalog
    /// Matches among `catalog`'s traces, in trace id order.
    let matches: [TraceMatch]
    /// The id column's width: what tells *every* input trace apart, matched or not.
    let idWidth: Int
    /// Every input trace, for hints when nothing matched (the store's are loaded only then).
    let everything: () throws -> SpanTable
}

extension TraceInputs {
    /// Runs a query: in memory on files alone, else through `StoreQueryEngine` (candidates by
    /// SQL, then exact evaluation), the files merged in when there are both. O(candidates).
    func run(_ query: Query) throws -> QueryFindings {
        guard let store else {
            let files = files!
            return QueryFindings(catalog: files, matches: QueryEngine.run(query, on: files.table),
                                 idWidth: files.uniquePrefixLength(), everything: { files.table })
        }
        let result = try storeOperation { () throws(StoreError) in
            try StoreQueryEngine.run(query, on: store, merging: files?.table)
        }
        return QueryFindings(catalog: TraceCatalog(table: result.table), matches: result.matches,
                             idWidth: try uniquePrefixLength(), everything: { try everything().table })
    }
}
