import Testing
import TraceModel
@testable import TraceAnalysis

@Suite struct HostKeyTests {
    @Test func resourceAttributesComeBeforeJaegersIPTag() {
        #expect(HostKey.of(resourceAttributes: [KeyValue("host.name", .string("n")), KeyValue("host.id", .string("i"))]) == "i")
        #expect(HostKey.of(resourceAttributes: [KeyValue("ip", .string("10.0.0.1")), KeyValue("host.name", .string("n"))]) == "n")
        #expect(HostKey.of(resourceAttributes: [KeyValue("ip", .int(0x0A00_0001))]) == "10.0.0.1")
        // An empty host.ip array falls through to host.name.
        #expect(HostKey.of(resourceAttributes: [KeyValue("host.ip", .array([])), KeyValue("host.name", .string("n"))]) == "n")
        #expect(HostKey.of(resourceAttributes: [KeyValue("service.name", .string("s"))]) == "")
    }

    @Test func ipAddressesReadLikeGo() {
        #expect(IPAddressText.format([1, 2, 3, 4]) == "1.2.3.4")
        #expect(IPAddressText.format([UInt8](repeating: 0, count: 15) + [1]) == "::1")
        #expect(IPAddressText.format([0x20, 0x01, 0x0d, 0xb8] + [UInt8](repeating: 0, count: 11) + [1]) == "2001:db8::1")
        #expect(IPAddressText.format([0, 1] + [UInt8](repeating: 0, count: 14)) == "1::")
        #expect(IPAddressText.format([0, 1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 3, 0, 0, 0, 4]) == "1:0:2::3:0:4")
        #expect(IPAddressText.format([1, 2, 3]) == nil)
    }

    @Test func durationsReadLikeGo() {
        #expect(GoDurationText.string(nanoseconds: 0) == "0s")
        #expect(GoDurationText.string(nanoseconds: 35_000_000) == "35ms")
        #expect(GoDurationText.string(nanoseconds: -25_000_000) == "-25ms")
        #expect(GoDurationText.string(nanoseconds: 1_500) == "1.5µs")
        #expect(GoDurationText.string(nanoseconds: 999) == "999ns")
        #expect(GoDurationText.string(nanoseconds: 1_500_000) == "1.5ms")
        #expect(GoDurationText.string(nanoseconds: 120_500_000_000) == "2m0.5s")
        #expect(GoDurationText.string(nanoseconds: 3_600_000_000_000) == "1h0m0s")
    }
}
