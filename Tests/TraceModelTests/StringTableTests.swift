import Testing
import TraceModel

@Suite struct StringTableTests {
    @Test func equalStringsShareOneID() {
        var table = StringTable()
        let a = table.intern("checkout")
        let b = table.intern("checkout")
        let c = table.intern("payment")
        #expect(a == b)
        #expect(a != c)
        #expect(table[a] == "checkout")
        #expect(table[c] == "payment")
        #expect(table.intern("") == .empty)
        #expect(table[.empty] == "")
    }

    @Test func survivesGrowthWithManyStrings() {
        var table = StringTable()
        var ids: [StringID] = []
        for i in 0..<50_000 { ids.append(table.intern("value-\(i)")) }
        #expect(table.count == 50_001)
        for i in stride(from: 0, to: 50_000, by: 997) {
            #expect(table[ids[i]] == "value-\(i)")
            #expect(table.lookup("value-\(i)") == ids[i])
        }
        #expect(table.lookup("value-50000") == nil)
    }

    @Test func unicodeAndLongStringsRoundTrip() {
        var table = StringTable()
        let samples = ["結帳服務", "🚀 launch", String(repeating: "x", count: 10_000), "a\u{0}b"]
        let ids = samples.map { table.intern($0) }
        for (s, id) in zip(samples, ids) {
            #expect(table[id] == s)
            #expect(table.utf8Count(id) == s.utf8.count)
        }
    }
}
