import TestSupport
import GRDB
import TraceModel
@testable import TraceStore

/// Shortcuts the store tests share.
enum StoreTest {
    /// A new store in a temporary directory (keep the directory alive while using it).
    static func makeStore(_ directory: TemporaryDirectory, name: String = "traces.sqlite") throws -> PersistentStore {
        try PersistentStore.open(at: directory.file(name), create: true)
    }

    /// Imports tables with a fresh importer; returns its totals.
    @discardableResult
    static func importTables(_ tables: [SpanTable], into store: PersistentStore,
                             options: StoreImporter.Options = .init()) throws -> ImportTotals {
        let importer = StoreImporter(store: store, options: options)
        for table in tables { try importer.add(table) }
        return importer.totals
    }

    /// Every row of every table, as text, for "nothing changed" comparisons.
    static func dump(_ store: PersistentStore) throws -> [String] {
        try store.read { db in
            var lines: [String] = []
            for table in ["store_state", "strings", "resources", "scopes", "traces", "span_chunks", "facets"] {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1") {
                    lines.append("\(table): \(row)")
                }
            }
            return lines
        }
    }

    /// A single SQL value.
    static func scalar(_ store: PersistentStore, _ sql: String) throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
    }

    /// The in-memory summaries of a table, with strings, keyed by trace id.
    static func summaries(_ table: SpanTable) -> [TraceID: String] {
        let listing = TraceCatalog(table: table).traceListing(overlapping: nil)
        return describe(listing)
    }

    /// A listing's summaries as comparable text (string ids resolved), keyed by trace id.
    static func describe(_ listing: TraceListing) -> [TraceID: String] {
        var result: [TraceID: String] = [:]
        for s in listing.summaries {
            let services = s.services.map { listing.strings[$0] }.joined(separator: ",")
            result[s.traceID] = "root=\(s.rootIndex) single=\(s.hasSingleRoot) service=\(listing.strings[s.rootService]) "
                + "name=\(listing.strings[s.rootName]) start=\(s.start.unixNanos) end=\(s.end.unixNanos) "
                + "spans=\(s.spanCount) errors=\(s.errorCount) services=\(services)"
        }
        return result
    }
}
