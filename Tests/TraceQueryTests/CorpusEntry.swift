@testable import TraceQuery

/// One example of `queryCorpus`, decoded.
struct CorpusEntry: Sendable, CustomStringConvertible {
    enum Kind: String, Sendable { case ok, lex, parse, check }

    var kind: Kind
    /// The query with the range markers removed.
    var query: String
    var line: Int
    /// For `ok`: the canonical text (the query itself when no `=>` line follows).
    var canonical: String?
    /// For failures: the marked range, a message substring and an optional suggestion.
    var range: SourceRange?
    var message: String?
    var suggestion: String?

    var description: String { "line \(line): \(query)" }

    var stage: QueryDiagnostic.Stage? {
        switch kind {
        case .ok: nil
        case .lex: .lexing
        case .parse: .parsing
        case .check: .checking
        }
    }

    /// Every entry of a corpus text (see `queryCorpus` for the format).
    static func parse(_ corpus: String) -> [CorpusEntry] {
        var entries: [CorpusEntry] = []
        for (offset, raw) in corpus.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            if line.hasPrefix("#") || line.allSatisfy(\.isWhitespace) { continue }
            if line.hasPrefix("    => ") {
                entries[entries.count - 1].canonical = String(line.dropFirst(7))
                continue
            }
            guard let kind = Kind(rawValue: String(line.prefix { $0 != " " })) else {
                fatalError("corpus line \(offset + 1): unknown kind in \(line)")
            }
            var body = String(line.dropFirst(7))
            var expectation: String?
            if let marker = body.range(of: " ## ") {
                expectation = String(body[marker.upperBound...])
                body = String(body[..<marker.lowerBound])
            }
            while body.last == " " { body.removeLast() }
            var entry = CorpusEntry(kind: kind, query: "", line: offset + 1)
            var start: Int?
            var count = 0
            for c in body {
                switch c {
                case "⟨": start = count
                case "⟩": entry.range = SourceRange(start ?? count, count)
                default:
                    entry.query.append(c)
                    count += 1
                }
            }
            if let expectation {
                let parts = expectation.components(separatedBy: "=>")
                entry.message = parts[0].trimmingSpaces
                entry.suggestion = parts.count > 1 ? parts[1].trimmingSpaces : nil
            }
            if kind == .ok { entry.canonical = entry.query }
            entries.append(entry)
        }
        return entries
    }
}

extension String {
    /// The pieces between occurrences of a separator.
    func components(separatedBy separator: String) -> [String] {
        var out: [String] = []
        var rest = Substring(self)
        while let r = rest.range(of: separator) {
            out.append(String(rest[..<r.lowerBound]))
            rest = rest[r.upperBound...]
        }
        out.append(String(rest))
        return out
    }

    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

extension Substring {
    /// The first occurrence of a string.
    func range(of needle: String) -> Range<Index>? {
        guard !needle.isEmpty else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i...].hasPrefix(needle) { return i..<index(i, offsetBy: needle.count) }
            i = index(after: i)
        }
        return nil
    }
}

extension String {
    func range(of needle: String) -> Range<Index>? { self[...].range(of: needle) }
}
