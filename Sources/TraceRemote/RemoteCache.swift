import Foundation
import TraceModel
import TraceStore

/// The traces opened from a backend, kept on disk in a store of trex's own (one per backend,
/// `$XDG_CACHE_HOME/trex/remote/jaeger-HOST-PORT.sqlite`), so that a trace opened once stays
/// readable when the backend is down, in this session and the next ones.
///
/// Writes run on a queue of their own (opening a trace never waits for the disk); the store's
/// import is idempotent, so a trace opened twice is stored once. The cache keeps the most
/// recent `keptTraces` traces.
public final class RemoteCache: Sendable {
    public let store: PersistentStore
    private let writes = DispatchQueue(label: "trex.remote-cache")
    static let keptTraces = 5_000

    init(store: PersistentStore) {
        self.store = store
    }

    /// Opens (creating) the cache of an endpoint in `directory`; nil when it cannot be opened
    /// (a read-only home, a store of a newer trex): trex then works without one.
    public static func open(for endpoint: RemoteEndpoint, in directory: String) -> RemoteCache? {
        let path = directory + "/" + fileName(for: endpoint)
        guard let store = try? PersistentStore.open(at: path, create: true) else { return nil }
        return RemoteCache(store: store)
    }

    /// `jaeger-jaeger.example-16686.sqlite`: the backend and its address, every other character
    /// a `_`.
    static func fileName(for endpoint: RemoteEndpoint) -> String {
        let address = endpoint.baseURL.drop { $0 != ":" }.dropFirst(3)
        let safe = String(address.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" })
        return "\(endpoint.backend.rawValue)-\(safe.prefix(120)).sqlite"
    }

    /// The default directory: `$XDG_CACHE_HOME/trex/remote`, else `~/.cache/trex/remote`.
    public static func defaultDirectory(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/trex/remote" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
        return home + "/.cache/trex/remote"
    }

    /// Stores the traces of a table, in the background.
    func keep(_ table: SpanTable) {
        guard !table.traces.isEmpty else { return }
        writes.async { [store] in
            let importer = StoreImporter(store: store)
            _ = try? importer.add(table)
            try? importer.finish()
            _ = try? store.prune(keepLast: Self.keptTraces)
        }
    }

    /// Waits for the writes asked so far (tests, and before the process ends).
    public func flush() { writes.sync {} }

    /// The cached traces with these ids (those it has).
    func traces(_ ids: [TraceID]) -> SpanTable? {
        flush()
        guard let table = try? store.loadTraces(ids), !table.traces.isEmpty else { return nil }
        return table
    }

    /// The most recent `limit` cached traces, for when the backend cannot be reached.
    func recent(_ limit: Int) -> SpanTable? {
        flush()
        guard let listing = try? store.traceListing(), listing.count > 0 else { return nil }
        let ids = listing.summaries.suffix(limit).map(\.traceID)
        return try? store.loadTraces(ids)
    }
}
