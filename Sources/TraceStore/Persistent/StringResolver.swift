import GRDB

/// Looks strings up in the `strings` dictionary by text (through `strings_by_hash`) and by id,
/// and resolves `StoredStringCondition`s to the ids that satisfy them. Valid inside one access
/// block.
struct StringResolver {
    private let byHash: RawStatement
    private let byID: RawStatement

    init(_ db: Database) throws {
        byHash = try RawStatement(db, "SELECT id, value FROM strings WHERE hash = ?")
        byID = try RawStatement(db, "SELECT value FROM strings WHERE id = ?")
    }

    /// The id of a string, or nil when the store does not hold it. O(log strings).
    func id(for text: String) throws -> Int64? {
        let utf8 = Array(text.utf8)
        return try utf8.withUnsafeBufferPointer { bytes in
            byHash.bind(1, StoreStrings.hash(bytes))
            defer { byHash.reset() }
            while try byHash.step() {
                let candidate = byHash.text(1)
                if candidate.count == bytes.count, candidate.elementsEqual(bytes) { return byHash.int64(0) }
            }
            return nil
        }
    }

    /// The text of a string id (nil when missing). O(log strings).
    func text(_ id: Int64) throws -> String? {
        byID.bind(1, id)
        defer { byID.reset() }
        return try byID.step() ? String(decoding: byID.text(0), as: UTF8.self) : nil
    }

    /// The ids that satisfy every condition: `oneOf` by lookup, comparisons by testing each of
    /// the `distinct` ids the field holds. Nil when no condition could be evaluated (a pattern
    /// that does not compile): then nothing is known. O(values looked up + distinct values).
    func resolve(_ conditions: [StoredStringCondition], among distinct: () throws -> [Int64]) throws -> Set<Int64>? {
        var result: Set<Int64>?
        var candidates: [(Int64, String)]?
        for condition in conditions {
            var ids = Set<Int64>()
            switch condition {
            case .oneOf(let values):
                for value in values { if let id = try id(for: value) { ids.insert(id) } }
            case .comparison:
                guard let test = condition.test() else { continue }
                if candidates == nil {
                    candidates = try distinct().compactMap { id in try text(id).map { (id, $0) } }
                }
                for (id, text) in candidates! where test(text) { ids.insert(id) }
            }
            result = result.map { $0.intersection(ids) } ?? ids
        }
        return result
    }
}
