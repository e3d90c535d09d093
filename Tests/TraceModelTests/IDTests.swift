import Testing
import TraceModel

@Suite struct IDTests {
    @Test func traceIDParsesAndFormats32Hex() throws {
        let id = try #require(TraceID(hex: "5B8EFFF798038103D269B633813FC60C"))
        #expect(id.hex == "5b8efff798038103d269b633813fc60c")
        #expect(id.high == 0x5b8e_fff7_9803_8103)
        #expect(id.low == 0xd269_b633_813f_c60c)
    }

    @Test func sixtyFourBitTraceIDIsLeftPadded() throws {
        let id = try #require(TraceID(hex: "d269b633813fc60c"))
        #expect(id.hex == "0000000000000000d269b633813fc60c")
        #expect(TraceID(hex: "1")?.hex == "00000000000000000000000000000001")
    }

    @Test func invalidHexIsRejected() {
        #expect(TraceID(hex: "") == nil)
        #expect(TraceID(hex: "xyz") == nil)
        #expect(TraceID(hex: String(repeating: "a", count: 33)) == nil)
        #expect(SpanID(hex: "span-1") == nil)
        #expect(SpanID(hex: String(repeating: "f", count: 17)) == nil)
    }

    @Test func spanIDRoundTripsBytes() throws {
        let id = try #require(SpanID(hex: "eee19b7ec3c1b174"))
        #expect(SpanID(bytes: id.bytes) == id)
        #expect(id.bytes.first == 0xee)
        let trace = try #require(TraceID(hex: "5b8efff798038103d269b633813fc60c"))
        #expect(TraceID(bytes: trace.bytes) == trace)
        #expect(TraceID(bytes: [1, 2, 3]) == nil)
    }

    @Test func zeroIDsAreInvalid() {
        #expect(!TraceID.zero.isValid)
        #expect(!SpanID.zero.isValid)
        #expect(SpanID(hex: "0000000000000000")?.isValid == false)
    }

    @Test func stableHashIsStableAndNonZero() {
        #expect(StableHash.spanID(for: "span-1") == StableHash.spanID(for: "span-1"))
        #expect(StableHash.spanID(for: "span-1") != StableHash.spanID(for: "span-2"))
        #expect(StableHash.spanID(for: "span-1").isValid)
        // FNV-1a 64 of "a" is a published constant.
        #expect(StableHash.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
    }

    @Test func traceIDOrderingIsByHighThenLow() {
        let a = TraceID(high: 1, low: 9)
        let b = TraceID(high: 2, low: 0)
        #expect(a < b)
        #expect(TraceID(high: 1, low: 1) < a)
    }
}
