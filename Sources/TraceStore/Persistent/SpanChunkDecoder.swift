import TraceModel

/// Decodes one stored span chunk (the `ids`, `records` and `attributes` blobs of a
/// `span_chunks` row, see `SpanChunk`) into spans, outside any database: for inspecting or
/// repairing a row by hand, and for fuzzing the decoder (docs/fuzzing.md).
///
/// String ids resolve through the given dictionary (id 0 is the empty string, as in the store);
/// each distinct resource or scope id becomes an empty resource or scope, since those live in
/// other tables. Damaged bytes are an error, never a crash or an out-of-bounds read.
public enum SpanChunkDecoder {
    /// Why a chunk could not be decoded.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Decodes `spanCount` spans of trace `traceID` whose starts are relative to `baseNanos`.
    /// O(bytes).
    ///
    /// - Throws: `Failure` when the blobs disagree on the span count, are truncated or refer
    ///   to a string id `strings` does not hold.
    public static func decode(spanCount: Int, baseNanos: Int64, ids: UnsafeRawBufferPointer,
                              records: UnsafeRawBufferPointer, attributes: UnsafeRawBufferPointer,
                              traceID: TraceID, strings: [Int64: String]) throws(Failure) -> SpanTable {
        var builder = SpanTableBuilder()
        var mapping = DictionaryStringMapping(texts: strings)
        var resources: [Int64: UInt32] = [:]
        var scopes: [Int64: UInt32] = [:]
        do {
            try SpanChunk.forEach(ids: ids, records: records, attributes: attributes, count: spanCount) { entry in
                var reader = entry.record
                let r = SpanRecord(&reader, base: baseNanos)
                guard reader.isValid else { throw CorruptRow(detail: "a span record is truncated") }
                let resource = resources[r.resourceID] ?? builder.addResource(attributes: .empty)
                resources[r.resourceID] = resource
                let scope = scopes[r.scopeID] ?? builder.addScope(InstrumentationScope())
                scopes[r.scopeID] = scope
                let span = try r.span(id: entry.id, traceID: traceID, record: reader, attributes: entry.attributes,
                                    resource: resource, scope: scope, into: &builder, strings: &mapping)
                builder.append(span)
            }
        } catch {
            throw Failure(description: "\(error)")
        }
        return builder.finish()
    }
}

/// Store string ids resolved from an in-memory dictionary.
private struct DictionaryStringMapping: LoadedStringMapping {
    let texts: [Int64: String]
    var interned: [Int64: StringID] = [:]

    init(texts: [Int64: String]) { self.texts = texts }

    mutating func builderID(_ storeID: Int64, in builder: inout SpanTableBuilder) throws -> StringID {
        if storeID == 0 { return .empty }
        if let id = interned[storeID] { return id }
        guard let text = texts[storeID] else { throw CorruptRow(detail: "a span refers to string \(storeID), which is missing") }
        let id = builder.intern(text)
        interned[storeID] = id
        return id
    }
}
