import GRDB
import TraceModel

/// Resolves store string ids to ids of a `SpanTableBuilder` while loading spans, fetching each
/// string from the `strings` table once.
///
/// `preloadAll` reads the whole table in one scan (for loading everything); otherwise strings
/// are fetched by id on first use (for loading a few traces). Valid inside one read block.
struct StoreStringLoader: LoadedStringMapping {
    private var dense: [UInt32] = []
    private var sparse: [Int64: StringID] = [:]
    private let byID: RawStatement
    private static let unknown = UInt32.max

    init(_ db: Database) throws {
        byID = try RawStatement(db, "SELECT value FROM strings WHERE id = ?")
    }

    /// Interns every stored string into the builder. O(strings).
    mutating func preloadAll(_ db: Database, into builder: inout SpanTableBuilder) throws {
        let maxID = try Int64.fetchOne(db, sql: "SELECT max(id) FROM strings") ?? 0
        dense = [UInt32](repeating: Self.unknown, count: Int(maxID) + 1)
        let scan = try RawStatement(db, "SELECT id, value FROM strings")
        defer { scan.reset() }
        while try scan.step() {
            let id = Int(scan.int64(0))
            guard id >= 0, id < dense.count else { continue }
            dense[id] = builder.intern(utf8: scan.text(1)).rawValue
        }
    }

    /// Fetches the given strings (ids ascending), so later lookups find them cached; in id
    /// order, consecutive lookups walk neighbouring B-tree pages. O(ids · log strings).
    mutating func prefetch(_ sortedIDs: [Int64], into builder: inout SpanTableBuilder) throws {
        for id in sortedIDs { _ = try builderID(id, in: &builder) }
    }

    @inline(__always)
    mutating func builderID(_ storeID: Int64, in builder: inout SpanTableBuilder) throws -> StringID {
        if storeID == 0 { return .empty }
        if storeID > 0, storeID < dense.count {
            let id = dense[Int(storeID)]
            if id != Self.unknown { return StringID(id) }
        } else if let id = sparse[storeID] {
            return id
        }
        byID.bind(1, storeID)
        defer { byID.reset() }
        guard try byID.step() else { throw CorruptRow(detail: "a span refers to string \(storeID), which is missing") }
        let id = builder.intern(utf8: byID.text(0))
        sparse[storeID] = id
        return id
    }

    /// The text of a store string (via the builder it was interned into).
    mutating func text(_ storeID: Int64, in builder: inout SpanTableBuilder) throws -> String {
        let id = try builderID(storeID, in: &builder)
        return builder.strings[id]
    }
}
