import TraceAnalysis
import TraceModel
import TraceStore

/// What a comparison with a baseline reads (`trex compare --baseline`, the explorer's compare
/// view): the traces of a trace's root operation, folded into operation trees.
extension Workspace {
    /// The traces whose root operation is that of the trace `id`, without it: the `limit`
    /// nearest to it in start time (then by id). Nil when no source has the trace. Reads the
    /// listing only. O(traces log traces).
    public func baselineSelection(for id: TraceID, limit: Int = .max) throws -> BaselineSelection? {
        let listing = try listing()
        guard let own = listing.summaries.first(where: { $0.traceID == id }) else { return nil }
        let root = OperationKey(service: listing.strings[own.rootService], name: listing.strings[own.rootName])
        let peers = listing.summaries.filter {
            $0.traceID != id && OperationKey(service: listing.strings[$0.rootService], name: listing.strings[$0.rootName]) == root
        }
        let start = own.start
        let nearest = peers.sorted { x, y in
            let dx = (x.start - start).magnitude, dy = (y.start - start).magnitude
            return dx != dy ? dx < dy : x.traceID < y.traceID
        }
        return BaselineSelection(rootOperation: root, ids: nearest.prefix(max(0, limit)).map(\.traceID),
                                 matching: peers.count)
    }

    /// Each trace folded into its `OperationTree`, in the order of `ids` (ids no source has are
    /// left out), loading `batch` traces at a time so that only their trees stay in memory.
    /// O(their spans log spans).
    public func operationTrees(_ ids: [TraceID], batch: Int = 256) throws -> [OperationTree] {
        var trees: [OperationTree] = []
        trees.reserveCapacity(ids.count)
        var from = 0
        while from < ids.count {
            let slice = Array(ids[from..<min(ids.count, from + max(1, batch))])
            from += slice.count
            let table = try loadTraces(slice)
            for id in slice {
                if let index = table.traceIndex(of: id) { trees.append(OperationTree(table.trace(at: index))) }
            }
        }
        return trees
    }
}
