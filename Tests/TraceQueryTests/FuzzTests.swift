import Testing
import TestSupport
import TraceModel
@testable import TraceQuery

/// Deterministic, seeded fuzzing: random strings and random mutations of the corpus's valid
/// queries never crash the lexer, parser, checker, printer, compiler or hints, and always
/// give either a query (which round-trips) or a diagnostic whose range lies in the text.
@Suite struct FuzzTests {
    static let alphabet: [String] = Array("abcdeNOTANDsxyz_0123456789 .,-:=!<>~&|(){}\"`\\'#$@µ\t\n")
        .map(String.init) + ["é", "\u{301}", "😀", "\r\n", "μ", "\u{200B}"]
    static let tokens = ["AND ", " OR ", "NOT ", "!", "&&", "||", ">>", "<<", "=~", "!~", "contains", " in ", "IN (",
                         "exists(", "true", "false", "{", "}", "(", ")", "\"", "`", "duration", "status", "ERROR",
                         "5s", "1m30s", "1.5", "-3", "1e9", "span.", "resource.", "service.name", "\\u{", "==", ","]
    static let table = QueryFixtures.attributes

    var rng = SeededGenerator(seed: 0xF022)

    mutating func int(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }

    mutating func randomString() -> String {
        var s = ""
        for _ in 0..<int(40) {
            s += int(3) == 0 ? Self.tokens[int(Self.tokens.count)] : Self.alphabet[int(Self.alphabet.count)]
        }
        return s
    }

    mutating func mutate(_ text: String) -> String {
        var chars = Array(text)
        for _ in 0..<(1 + int(3)) {
            let at = int(chars.count + 1)
            switch int(7) {
            case 0 where !chars.isEmpty: chars.remove(at: min(at, chars.count - 1))
            case 1: chars.insert(contentsOf: Self.alphabet[int(Self.alphabet.count)], at: at)
            case 2 where !chars.isEmpty: chars[min(at, chars.count - 1)] = Character(Self.alphabet[int(Self.alphabet.count)])
            case 3: chars.insert(contentsOf: Self.tokens[int(Self.tokens.count)], at: at)
            case 4: chars = Array(chars.prefix(at))
            case 5 where chars.count > 1:
                let i = int(chars.count), j = int(chars.count)
                chars.swapAt(i, j)
            default:
                let lo = int(chars.count + 1)
                let hi = min(chars.count, lo + int(8))
                chars.insert(contentsOf: chars[lo..<hi], at: lo)
            }
        }
        return String(chars)
    }

    /// Everything a user's text can go through.
    func exercise(_ text: String, hints: Bool) {
        switch Query.result(text) {
        case .success(let q):
            let printed = q.description
            guard let back = try? Query.parse(printed) else {
                Issue.record("\(text.debugDescription) printed as \(printed.debugDescription), which does not parse")
                return
            }
            #expect(back == q, "\(text.debugDescription) -> \(printed.debugDescription)")
            _ = QueryEngine.run(q, on: Self.table)
            _ = q.indexableConstraints
            if hints { _ = QueryHints.check(q, table: Self.table) }
        case .failure(let d):
            let count = text.count
            #expect(d.range.lowerBound >= 0 && d.range.lowerBound <= d.range.upperBound && d.range.upperBound <= count,
                    "\(text.debugDescription): \(d.range) outside 0...\(count)")
            #expect(!d.message.isEmpty)
            _ = d.rendered(query: text)
            _ = d.fixed(query: text)
        }
    }

    @Test mutating func randomStrings() {
        for i in 0..<15_000 { exercise(randomString(), hints: i % 50 == 0) }
    }

    @Test mutating func mutationsOfValidQueries() {
        let seeds = CorpusEntry.parse(queryCorpus).filter { $0.kind == .ok }.map(\.query)
        for i in 0..<15_000 { exercise(mutate(seeds[i % seeds.count]), hints: i % 50 == 0) }
    }

    @Test mutating func mutationsOfRandomTrees() {
        var trees = RandomQueries(seed: 0xABCD)
        for _ in 0..<3_000 {
            let text = Query(text: "", root: trees.spanset(depth: 2)).description
            exercise(text, hints: false)
            exercise(mutate(text), hints: false)
        }
    }
}
