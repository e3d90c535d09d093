import GRDB
import Testing
import TestSupport
import TraceModel
@testable import TraceStore

/// The binary encodings: varints, truncation, damaged blobs.
@Suite struct EncodingTests {
    @Test(arguments: [Int64.min, -1_000_000_000_000, -129, -1, 0, 1, 63, 64, 127, 128, 300, 1 << 35, .max])
    func signedVarintsRoundTrip(_ value: Int64) {
        var writer = ByteWriter()
        writer.signed(value)
        writer.varint(UInt64(bitPattern: value))
        writer.fixed64(UInt64(bitPattern: value))
        writer.bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            #expect(reader.signed() == value)
            #expect(reader.varint() == UInt64(bitPattern: value))
            #expect(reader.fixed64() == UInt64(bitPattern: value))
            #expect(reader.isAtEnd && reader.isValid)
        }
    }

    @Test func smallValuesTakeOneByte() {
        var writer = ByteWriter()
        writer.signed(-64)
        writer.signed(63)
        writer.varint(UInt64(127))
        #expect(writer.count == 3)
    }

    @Test func truncatedInputIsInvalidNotACrash() {
        var writer = ByteWriter()
        writer.varint(UInt64.max)
        writer.fixed64(7)
        for cut in 0..<writer.count {
            Array(writer.bytes.prefix(cut)).withUnsafeBytes { raw in
                var reader = ByteReader(raw)
                _ = reader.varint()
                _ = reader.fixed64()
                _ = reader.section()
                #expect(!reader.isValid)
            }
        }
        // Eleven continuation bytes: not a varint.
        [UInt8](repeating: 0xff, count: 11).withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            _ = reader.varint()
            #expect(!reader.isValid)
        }
    }

    @Test func damagedBlobsAreReportedAsCorruptNotCrashes() throws {
        let dir = TemporaryDirectory()
        let store = try StoreTest.makeStore(dir)
        try StoreTest.importTables([RichTable.make()], into: store)
        try store.write { db in
            try db.execute(sql: "UPDATE span_chunks SET attributes = substr(attributes, 1, length(attributes) - 3)")
        }
        let error = #expect(throws: StoreError.self) { try store.loadAllTraces() }
        guard case .corrupt = error else {
            Issue.record("expected corrupt, got \(String(describing: error))")
            return
        }
    }
}
