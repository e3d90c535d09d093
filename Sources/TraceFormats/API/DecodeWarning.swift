/// Something in an input that was skipped or mapped rather than loaded as written.
public struct DecodeWarning: Sendable, Hashable, CustomStringConvertible {
    /// The file path, or "-" for standard input.
    public var source: String
    /// 1-based line, when known.
    public var line: Int?
    /// 0-based byte offset into the (decompressed) input, when known.
    public var byteOffset: Int?
    public var message: String
    /// How many spans this warning accounts for as skipped (0 for notes such as id mapping).
    public var skippedSpans: Int
    /// True for the notes about times before 1980, after 2100 or before 1970: loaded as given,
    /// but they cannot be real (hand-written fixtures near the epoch, unset clocks).
    public var isImplausibleTime: Bool

    public init(source: String, line: Int? = nil, byteOffset: Int? = nil, message: String, skippedSpans: Int = 0,
                isImplausibleTime: Bool = false) {
        self.source = source
        self.line = line
        self.byteOffset = byteOffset
        self.message = message
        self.skippedSpans = skippedSpans
        self.isImplausibleTime = isImplausibleTime
    }

    /// `file:line (byte N): message`, `file (byte N): message` or `file: message`.
    public var description: String {
        var place = source
        if let line { place += ":\(line)" }
        if let byteOffset { place += " (byte \(byteOffset))" }
        return "\(place): \(message)"
    }
}
