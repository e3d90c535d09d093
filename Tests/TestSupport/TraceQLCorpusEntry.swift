/// One example of `traceQLCorpus`, decoded.
public struct TraceQLCorpusEntry: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// TraceQL accepts it: trex must parse it.
        case valid
        /// TraceQL rejects it: trex must reject it.
        case invalid
        /// TraceQL rejects it, trex accepts it on purpose (docs/query-language.md says so).
        case addition
    }

    public var kind: Kind
    public var query: String
    /// The note after ` ## ` (why an `invalid` query is invalid), or nil.
    public var note: String?
    /// The `# --- ` section the entry is under ("" before the first).
    public var section: String
    /// The 1-based line in the corpus text.
    public var line: Int

    public init(kind: Kind, query: String, note: String? = nil, section: String, line: Int) {
        self.kind = kind
        self.query = query
        self.note = note
        self.section = section
        self.line = line
    }

    public var description: String { "line \(line): \(query)" }

    /// Every entry of a corpus text (see `traceQLCorpus` for the format), in order. A line of
    /// an unknown kind, or without a query, stops the test run: the corpus itself is wrong.
    public static func parse(_ corpus: String) -> [TraceQLCorpusEntry] {
        var entries: [TraceQLCorpusEntry] = []
        var section = ""
        for (offset, raw) in corpus.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            if line.hasPrefix("# --- ") {
                // The name, without the dashes that pad the line out.
                section = String(String(line.dropFirst(6)).reversed().drop { $0 == "-" || $0 == " " }.reversed())
                section = trimmed(section)
                continue
            }
            if line.hasPrefix("#") || line.allSatisfy(\.isWhitespace) { continue }
            let word = String(line.prefix { $0 != " " })
            guard let kind = Kind(rawValue: word) else {
                fatalError("TraceQL corpus line \(offset + 1): unknown kind `\(word)` in \(line)")
            }
            var body = trimmed(String(line.dropFirst(word.count)))
            var note: String?
            if let marker = firstOffset(of: " ## ", in: body) {
                note = trimmed(String(body.dropFirst(marker + 4)))
                body = trimmed(String(body.prefix(marker)))
            }
            guard !body.isEmpty else { fatalError("TraceQL corpus line \(offset + 1): no query") }
            entries.append(TraceQLCorpusEntry(kind: kind, query: body, note: note, section: section,
                                              line: offset + 1))
        }
        return entries
    }

    /// The section names in corpus order, each once.
    public static func sections(of entries: [TraceQLCorpusEntry]) -> [String] {
        var out: [String] = []
        for e in entries where out.last != e.section && !out.contains(e.section) { out.append(e.section) }
        return out
    }

    private static func trimmed(_ s: String) -> String {
        String(s.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    /// The character offset of the first occurrence of `needle` in `text`, or nil.
    private static func firstOffset(of needle: String, in text: String) -> Int? {
        let hay = Array(text), pin = Array(needle)
        guard !pin.isEmpty, hay.count >= pin.count else { return nil }
        for i in 0...(hay.count - pin.count) where Array(hay[i..<i + pin.count]) == pin { return i }
        return nil
    }
}
