import TraceModel
import TraceStore

/// The span-chunk target: the input as one stored chunk row through `SpanChunkDecoder`.
///
/// Layout of an input: a byte giving the span count (0-255), two bytes (little-endian) giving
/// the `records` blob's length; then the 8-byte ids of the spans, the records blob and, to the end, the
/// attributes blob. Short inputs are padded with zeros. String ids 1-8 resolve to fixed texts.
enum ChunkFuzzing {
    static let target = FuzzTarget(name: "chunk", seeds: []) { bytes in
        let input = Array(bytes)
        guard input.count >= 3 else { return }
        let count = Int(input[0])
        let recordsLength = Int(input[1]) | Int(input[2]) << 8
        var rest = Array(input[3...])
        let idBytes = count * 8
        if rest.count < idBytes + recordsLength { rest += [UInt8](repeating: 0, count: idBytes + recordsLength - rest.count) }
        let ids = Array(rest[..<idBytes])
        let records = Array(rest[idBytes..<(idBytes + recordsLength)])
        let attributes = Array(rest[(idBytes + recordsLength)...])
        ids.withUnsafeBytes { i in
            records.withUnsafeBytes { r in
                attributes.withUnsafeBytes { a in
                    if let table = try? SpanChunkDecoder.decode(spanCount: count, baseNanos: 1_700_000_000_000_000_000,
                                                                ids: i, records: r, attributes: a,
                                                                traceID: TraceID(high: 1, low: 2), strings: strings) {
                        _ = table.traces.count
                    }
                }
            }
        }
    }

    static let strings: [Int64: String] = [
        1: "service.name", 2: "api", 3: "GET /users", 4: "http.status_code", 5: "exception",
        6: "db.system", 7: "postgresql", 8: "",
    ]
}
