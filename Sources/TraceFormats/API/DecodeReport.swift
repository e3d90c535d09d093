/// What decoding one input produced.
public struct DecodeReport: Sendable {
    public var format: TraceFormat
    public var gzipped: Bool
    /// Spans appended to the builder (before `SpanTableBuilder.finish()` drops exact duplicates).
    public var spansDecoded: Int
    /// Spans seen in the input but not loaded; each is accounted for by a warning.
    public var spansSkipped: Int
    public var warnings: [DecodeWarning]

    public init(format: TraceFormat, gzipped: Bool = false, spansDecoded: Int = 0, spansSkipped: Int = 0,
                warnings: [DecodeWarning] = []) {
        self.format = format
        self.gzipped = gzipped
        self.spansDecoded = spansDecoded
        self.spansSkipped = spansSkipped
        self.warnings = warnings
    }
}
