import TraceModel

/// Spans of a trace that share their span id with an earlier span (in local-index order).
///
/// The first span with an id is the one `TraceTree` links children to; every later one is a
/// *repeat*. Found with an open-addressing hash table over the raw ids: O(n), no allocation
/// per span.
public struct DuplicateSpanIDs: Sendable {
    /// For each span, the local index of the first span with its id (itself when unique).
    public let firstWithSameID: [Int32]
    /// Groups of local indices sharing one id (first occurrence first), in order of first
    /// occurrence.
    public let groups: [[Int]]

    public init(_ trace: Trace) {
        let n = trace.spanCount
        var first = [Int32](repeating: 0, count: n)
        var capacity = 16
        while capacity < n * 2 { capacity <<= 1 }
        let mask = capacity - 1
        var keys = [UInt64](repeating: 0, count: capacity)
        var slots = [Int32](repeating: -1, count: capacity)
        var repeated: [Int32] = []
        trace.table.spans.withUnsafeBufferPointer { all in
            let base = trace.spanRange.lowerBound
            for i in 0..<n {
                let id = all[base + i].spanID.rawValue
                var h = Int(truncatingIfNeeded: (id &* 0x9E37_79B9_7F4A_7C15) >> 17) & mask
                while true {
                    if slots[h] < 0 {
                        keys[h] = id
                        slots[h] = Int32(i)
                        first[i] = Int32(i)
                        break
                    }
                    if keys[h] == id {
                        first[i] = slots[h]
                        repeated.append(Int32(i))
                        break
                    }
                    h = (h + 1) & mask
                }
            }
        }
        firstWithSameID = first
        var groupOf: [Int32: Int] = [:]
        var groups: [[Int]] = []
        for r in repeated {
            let f = first[Int(r)]
            if let g = groupOf[f] {
                groups[g].append(Int(r))
            } else {
                groupOf[f] = groups.count
                groups.append([Int(f), Int(r)])
            }
        }
        self.groups = groups
    }

    /// True when an earlier span has the same id.
    @inlinable public func isRepeat(_ span: Int) -> Bool { firstWithSameID[span] != Int32(span) }

    public var isEmpty: Bool { groups.isEmpty }
}
