/// Collects the warnings of one input: every skipped span is accounted for, but only the first
/// `shownPerReason` of each reason get a warning of their own; the rest are summed up in one.
struct WarningLog {
    static let shownPerReason = 10

    let source: String
    private(set) var warnings: [DecodeWarning] = []

    /// Marks the last warning as a note about times that cannot be real.
    mutating func markLastAsImplausibleTime() {
        if !warnings.isEmpty { warnings[warnings.count - 1].isImplausibleTime = true }
    }
    private(set) var skippedSpans = 0
    private var lines: LineLocator
    private var hidden: [SkipReason: (spans: Int, firstOffset: Int)] = [:]
    private var shown: [SkipReason: Int] = [:]

    init(source: String, lines: LineLocator) {
        self.source = source
        self.lines = lines
    }

    /// Records a span (or `count` spans) skipped at a byte offset.
    mutating func skipped(_ reason: SkipReason, at offset: Int, _ message: String, spans count: Int = 1) {
        skippedSpans += count
        let n = shown[reason, default: 0]
        if n < Self.shownPerReason {
            shown[reason] = n + 1
            warnings.append(warning(at: offset, message, skipped: count))
        } else {
            let h = hidden[reason] ?? (0, offset)
            hidden[reason] = (h.spans + count, h.firstOffset)
        }
    }

    /// Records a note (nothing skipped) at an optional byte offset.
    mutating func note(_ message: String, at offset: Int? = nil) {
        warnings.append(offset.map { warning(at: $0, message, skipped: 0) }
                        ?? DecodeWarning(source: source, message: message))
    }

    /// Appends one summary per reason whose warnings were capped. Call once, at the end.
    mutating func summarize() {
        for (reason, h) in hidden.sorted(by: { $0.value.firstOffset < $1.value.firstOffset }) {
            let spans = h.spans == 1 ? "1 more span" : "\(h.spans) more spans"
            warnings.append(warning(at: h.firstOffset, "\(spans) skipped: \(reason.summary) (first here)", skipped: h.spans))
        }
        hidden.removeAll()
    }

    /// The 1-based line of an offset.
    mutating func line(at offset: Int) -> Int { lines.line(at: offset) }

    private mutating func warning(at offset: Int, _ message: String, skipped: Int) -> DecodeWarning {
        DecodeWarning(source: source, line: lines.line(at: offset), byteOffset: offset, message: message,
                      skippedSpans: skipped)
    }
}
