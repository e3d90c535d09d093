import Testing
@testable import TraceModel

/// Trace ids as people write them: every form a file, Jaeger UI or Zipkin shows, and prefixes.
@Suite struct TraceIDPatternTests {
    let short = TraceID(high: 0, low: 0x1e22_3ff1_f80f_1c69)          // a 64-bit id
    let padded = TraceID(high: 0, low: 0x006c_3cf9_3508_f205)         // a 64-bit id with leading zeros
    let dropped = TraceID(hex: "df84e36b9e2ee3815d07f0867a5be1f")!     // 31 digits: Jaeger dropped a 0

    @Test func sixtyFourBitIdsShowAsSixteenDigits() {
        #expect(short.shownHex == "1e223ff1f80f1c69")
        #expect(padded.shownHex == "006c3cf93508f205")
        #expect(dropped.shownHex == "0df84e36b9e2ee3815d07f0867a5be1f")
    }

    @Test func prefixesOfEveryFormMatch() {
        for (text, id) in [("1e", short), ("1E223FF1", short), ("1e223ff1f80f1c69", short),
                           ("00000000000000001e22", short), ("006c3cf9", padded), ("6c3cf935", padded),
                           ("df84e36b9e2ee3815d07f0867a5be1f", dropped), ("0df84e", dropped), ("df84", dropped)] {
            #expect(TraceIDPattern(text)!.matches(id), "\(text)")
        }
        for (text, id) in [("1f", short), ("06c3", padded), ("f84e", dropped), ("trace-1", short)] {
            #expect(!TraceIDPattern(text)!.matches(id), "\(text)")
        }
    }

    @Test func aWholeIdIsToldFromAPrefix() {
        #expect(TraceIDPattern("1e223ff1f80f1c69")!.isWhole(short))
        #expect(TraceIDPattern("00000000000000001e223ff1f80f1c69")!.isWhole(short))
        #expect(!TraceIDPattern("1e223ff1")!.isWhole(short))
        #expect(TraceIDPattern("df84e36b9e2ee3815d07f0867a5be1f")!.isWhole(dropped))
        #expect(TraceIDPattern("0df84e36b9e2ee3815d07f0867a5be1f")!.isWhole(dropped))
        #expect(!TraceIDPattern("0df84e36b9e2ee3815d07f0867a5be1")!.isWhole(dropped))
        #expect(TraceIDPattern("1e223ff1f80f1c69")!.wholeID == short)
        #expect(TraceIDPattern("1e22")!.wholeID == nil)
    }

    @Test func nonHexIdsMatchTheirWrittenTextAndHashToTheDecodersId() {
        let id = StableHash.traceID(for: "trace-123")
        let pattern = TraceIDPattern("trace-123")!
        #expect(pattern.wholeID == id)
        #expect(pattern.matches(id, written: "trace-123"))
        #expect(pattern.isWhole(id, written: "trace-123"))
        #expect(TraceIDPattern("trace-1")!.matches(id, written: "trace-123"))
        #expect(!TraceIDPattern("trace-1")!.isWhole(id, written: "trace-123"))
        #expect(!TraceIDPattern("Trace-1")!.matches(id, written: "trace-123"))
        #expect(TraceIDPattern("") == nil)
    }

    @Test func hexRangesHoldEveryMatchingId() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<2_000 {
            let high = rng.next() % 4 == 0 ? 0 : rng.next() >> (rng.next() % 64)
            let id = TraceID(high: high, low: rng.next() >> (rng.next() % 64))
            let full = id.hex
            let start = Int(rng.next() % 32)
            let length = 1 + Int(rng.next() % UInt64(32 - start))
            let text = String(Array(full)[start..<(start + length)])
            let pattern = TraceIDPattern(text)!
            if pattern.matches(id) {
                #expect(pattern.hexRanges.contains { $0.contains(id) }, "\(text) in \(full)")
            }
        }
    }
}
