/// How far a load has got, for progress displays.
public struct LoadProgress: Sendable, Hashable {
    public var filesDone: Int
    public var filesTotal: Int
    /// Input bytes consumed so far (compressed size for gzip files).
    public var bytesDone: Int
    /// Sum of the input files' sizes (standard input counts as 0 until read).
    public var bytesTotal: Int
    public var spans: Int
    /// The file being read.
    public var current: String

    public init(filesDone: Int = 0, filesTotal: Int = 0, bytesDone: Int = 0, bytesTotal: Int = 0, spans: Int = 0,
                current: String = "") {
        self.filesDone = filesDone
        self.filesTotal = filesTotal
        self.bytesDone = bytesDone
        self.bytesTotal = bytesTotal
        self.spans = spans
        self.current = current
    }

    /// 0...1, by bytes.
    public var fraction: Double { bytesTotal > 0 ? min(1, Double(bytesDone) / Double(bytesTotal)) : 0 }
}
