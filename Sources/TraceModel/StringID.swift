/// The index of an interned string in a `StringTable`. Id 0 is always the empty string.
public struct StringID: Hashable, Comparable, Sendable {
    public var rawValue: UInt32

    public init(_ rawValue: UInt32) { self.rawValue = rawValue }

    /// The empty string, present in every table.
    public static let empty = StringID(0)

    public var isEmpty: Bool { rawValue == 0 }

    public static func < (a: StringID, b: StringID) -> Bool { a.rawValue < b.rawValue }
}
