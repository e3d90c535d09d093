import TraceModel

/// Remembers a string predicate's answer per distinct interned string, so a regex or a
/// substring search runs once per distinct string in the table, not once per span.
///
/// One byte per string of the table (0 = not computed, 1 = false, 2 = true), allocated when
/// the query is compiled and filled lazily. Not thread-safe: one per compiled query.
final class StringPredicateCache {
    private let state: UnsafeMutablePointer<UInt8>
    private let count: Int
    private let table: SpanTable
    private let compute: (StringID) -> Bool

    /// - Parameter compute: the predicate on the string's text.
    convenience init(table: SpanTable, compute: @escaping (String) -> Bool) {
        self.init(table: table, id: { compute(table.strings[$0]) })
    }

    /// - Parameter utf8: the predicate on the string's UTF-8 bytes, read in the table's arena.
    convenience init(table: SpanTable, utf8: @escaping (UnsafeRawBufferPointer) -> Bool) {
        self.init(table: table, id: { id in table.strings.withUTF8(id) { utf8(UnsafeRawBufferPointer($0)) } })
    }

    private init(table: SpanTable, id compute: @escaping (StringID) -> Bool) {
        self.table = table
        self.compute = compute
        count = table.strings.count
        state = .allocate(capacity: max(1, count))
        state.initialize(repeating: 0, count: max(1, count))
    }

    deinit { state.deallocate() }

    /// The predicate's answer for an interned string. O(1) after the first call for that string.
    @inline(__always)
    func callAsFunction(_ id: StringID) -> Bool {
        let i = Int(id.rawValue)
        guard i < count else { return compute(id) }
        let s = state[i]
        if s != 0 { return s == 2 }
        let answer = compute(id)
        state[i] = answer ? 2 : 1
        return answer
    }
}
