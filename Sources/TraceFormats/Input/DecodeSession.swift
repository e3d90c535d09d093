import TraceModel

/// The state shared by every decoder while one input is read: the scanner, the warnings, id
/// mapping and counters.
struct DecodeSession {
    var scanner: JSONScanner
    var log: WarningLog
    var ids = IDMapper()
    /// Times that cannot be real, and nanoseconds found where microseconds belong.
    var times = TimeSanity()
    let strings = InternCache()
    /// Spans appended to the builder.
    var spansDecoded = 0
    /// Offset of the span object being read, or -1 between spans (so a syntax error can say
    /// which span it cut short).
    var spanStart = -1

    private let progress: ((DecodeProgress) -> Void)?
    /// Input bytes per decoded byte (below 1 for gzip), to report progress in input bytes.
    private let progressScale: Double
    private var nextProgress: Int
    static let progressStep = 4 << 20

    init(_ buffer: UnsafeBufferPointer<UInt8>, source: String, progress: ((DecodeProgress) -> Void)?, progressScale: Double) {
        scanner = JSONScanner(buffer)
        log = WarningLog(source: source, lines: LineLocator(base: scanner.base, end: scanner.end))
        self.progress = progress
        self.progressScale = progressScale
        nextProgress = progress == nil ? .max : Self.progressStep
    }

    /// Calls the progress callback when another few MB were consumed. O(1).
    @inline(__always)
    mutating func tick() {
        if scanner.pos >= nextProgress { reportProgress() }
    }

    private mutating func reportProgress() {
        nextProgress = scanner.pos + Self.progressStep
        progress?(DecodeProgress(bytes: Int(Double(scanner.pos) * progressScale), spans: spansDecoded))
    }

    /// Reports the whole input as consumed (`inputSize`: the bytes as given, before gunzip).
    func reportDone(inputSize: Int) {
        progress?(DecodeProgress(bytes: inputSize, spans: spansDecoded))
    }

    /// Interns a string token's content (through the cache for short strings).
    @inline(__always)
    mutating func intern(_ token: JSONString, _ b: inout SpanTableBuilder) throws(JSONError) -> StringID {
        strings.intern(try scanner.bytes(of: token), &b)
    }

    /// Records a span skipped for a semantic reason (its JSON was fine).
    mutating func skip(_ reason: SkipReason, at offset: Int, _ message: String) {
        log.skipped(reason, at: offset, message)
    }
}
