/// A compact range of elements in one of a `SpanTable`'s flat arrays (attributes, events,
/// links): 8 bytes instead of a 16-byte `Range<Int>`.
public struct ElementRange: Hashable, Sendable {
    public var start: UInt32
    public var count: UInt32

    public init(start: UInt32, count: UInt32) {
        self.start = start
        self.count = count
    }

    public init(_ range: Range<Int>) {
        self.start = UInt32(truncatingIfNeeded: range.lowerBound)
        self.count = UInt32(truncatingIfNeeded: range.count)
    }

    public static let empty = ElementRange(start: 0, count: 0)

    public var range: Range<Int> { Int(start)..<(Int(start) + Int(count)) }
    public var isEmpty: Bool { count == 0 }
}
