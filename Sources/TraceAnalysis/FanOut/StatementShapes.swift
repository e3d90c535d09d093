import TraceModel

/// Statement shapes of database spans, computed once per distinct statement string.
///
/// A span is a database call when it has a `db.statement` (older semantic conventions) or
/// `db.query.text` attribute; its shape is `SQLShape.of` that text, interned to a small id so
/// grouping compares integers. Id 0 means "no statement".
public struct StatementShapes {
    private let table: SpanTable
    private let keys: [StringID]
    private var shapeOfStatement: [StringID: Int32] = [:]
    /// Shape ids by a hash of the shape's bytes (collisions resolved against `shapeBytes`).
    private var idsOfHash: [UInt64: [Int32]] = [:]
    private var shapeBytes: [[UInt8]] = [[]]
    private var scratch: [UInt8] = []
    /// The shapes by id; index 0 is the empty "no statement".
    public private(set) var shapes: [String] = [""]

    /// Shapes for the spans of a table (computed lazily, per distinct statement).
    public init(_ table: SpanTable) {
        self.table = table
        keys = ["db.query.text", "db.statement"].compactMap { table.strings.lookup($0) }
    }

    /// The shape id of a span's statement; 0 when it has none. O(attributes) per span, plus
    /// O(length) the first time a statement string is seen.
    public mutating func shapeID(of span: Span) -> Int32 {
        guard !keys.isEmpty, !span.attributes.isEmpty else { return 0 }
        for key in keys {
            guard let attribute = table.attribute(key, in: span.attributes), let text = attribute.stringID else { continue }
            if let known = shapeOfStatement[text] { return known }
            table.strings.withUTF8(text) { SQLShape.shape(utf8: $0, into: &scratch) }
            let hash = scratch.withUnsafeBufferPointer { StableHash.fnv1a($0) }
            let id: Int32
            if let existing = idsOfHash[hash]?.first(where: { shapeBytes[Int($0)] == scratch }) {
                id = existing
            } else {
                shapes.append(String(decoding: scratch, as: UTF8.self))
                shapeBytes.append(scratch)
                id = Int32(shapes.count - 1)
                idsOfHash[hash, default: []].append(id)
            }
            shapeOfStatement[text] = id
            return id
        }
        return 0
    }

    /// The shape text of an id, nil for 0.
    public func shape(_ id: Int32) -> String? { id == 0 ? nil : shapes[Int(id)] }
}
