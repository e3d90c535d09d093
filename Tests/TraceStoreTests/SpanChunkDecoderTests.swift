import Testing
import TraceModel
@testable import TraceStore

/// `SpanChunkDecoder`: a chunk row's blobs decode to spans, and damaged blobs are an error.
@Suite struct SpanChunkDecoderTests {
    static let strings: [Int64: String] = [1: "GET /users"]

    /// One span: header varint 0 (no optional fields), start 0, duration 10 (zigzag 20),
    /// name 1, resource 1, scope 1; no attributes.
    static let record: [UInt8] = [0, 0, 20, 1, 1, 1]

    func decode(count: Int, ids: [UInt8], records: [UInt8], attributes: [UInt8],
                strings: [Int64: String] = Self.strings) throws(SpanChunkDecoder.Failure) -> SpanTable {
        let result: Result<SpanTable, SpanChunkDecoder.Failure> = ids.withUnsafeBytes { i in
            records.withUnsafeBytes { r in
                attributes.withUnsafeBytes { a in
                    do throws(SpanChunkDecoder.Failure) {
                        return .success(try SpanChunkDecoder.decode(spanCount: count, baseNanos: 1_000, ids: i, records: r,
                                                                    attributes: a, traceID: TraceID(high: 1, low: 2),
                                                                    strings: strings))
                    } catch { return .failure(error) }
                }
            }
        }
        return try result.get()
    }

    @Test func aWellFormedChunkDecodes() throws {
        let table = try decode(count: 1, ids: [7, 0, 0, 0, 0, 0, 0, 0], records: [UInt8(Self.record.count)] + Self.record,
                               attributes: [0])
        let span = try #require(table.spans.first)
        #expect(span.spanID == SpanID(7))
        #expect(table.name(of: span) == "GET /users")
        #expect(span.start.unixNanos == 1_000)
        #expect(span.end.unixNanos == 1_010)
    }

    @Test func damagedChunksAreErrorsNotCrashes() {
        let ids: [UInt8] = [7, 0, 0, 0, 0, 0, 0, 0]
        // Too few ids for the count, a truncated record, a missing string, bytes after the end.
        #expect(throws: SpanChunkDecoder.Failure.self) { try decode(count: 2, ids: ids, records: [], attributes: []) }
        #expect(throws: SpanChunkDecoder.Failure.self) { try decode(count: 1, ids: ids, records: [6, 0, 0], attributes: [0]) }
        #expect(throws: SpanChunkDecoder.Failure.self) {
            try decode(count: 1, ids: ids, records: [6, 0, 0, 20, 9, 1, 1], attributes: [0])
        }
        #expect(throws: SpanChunkDecoder.Failure.self) {
            try decode(count: 1, ids: ids, records: [UInt8(Self.record.count)] + Self.record + [0], attributes: [0])
        }
        #expect(throws: SpanChunkDecoder.Failure.self) { try decode(count: -1, ids: [], records: [], attributes: []) }
    }

    /// Found by the `chunk` fuzz target (crash-7f4d7d68): an inline string inside an array
    /// value was read as `builder.strings[intern(...)]`, the table before the new string, and
    /// trapped with "Index out of range" in `StringTable`'s subscript (in the instrumented build).
    @Test func fuzzCrashChunk7f4d7d68IsAnErrorOrDecodes() {
        let ids: [UInt8] = [7, 135, 9, 7, 1, 8, 0, 7]
        let records: [UInt8] = [7, 7, 0, 7, 7, 0, 7, 0]
        let attributes: [UInt8] = [7, 10, 7, 7, 9, 4, 0, 0, 0, 0, 0, 0, 0, 7]
        let strings: [Int64: String] = [1: "service.name", 2: "api", 3: "GET /users", 4: "http.status_code",
                                        5: "exception", 6: "db.system", 7: "postgresql", 8: ""]
        _ = try? decode(count: 1, ids: ids, records: records, attributes: attributes, strings: strings)
    }

    /// Found by the `chunk` fuzz target (crash-442b021e): a string id varint above Int64.max
    /// trapped in `Int64(_:)` ("Not enough bits"); now it is a missing string, an error.
    @Test func aStringIDAboveInt64MaxIsAnError() {
        let ids: [UInt8] = [7, 0, 0, 0, 0, 0, 0, 0]
        let record: [UInt8] = [UInt8(Self.record.count)] + Self.record
        // Key 1 with each tag in turn, then a 10-byte varint of 2^64-1.
        let huge: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]
        for tag in UInt8(0)..<8 {
            let block: [UInt8] = [(1 << 3) | tag] + huge
            _ = try? decode(count: 1, ids: ids, records: record, attributes: [UInt8(block.count)] + block)
        }
    }
}
