/// The candidates a Tab found when there were several, shown in a line above the filter bar:
/// Tab again puts the next one in the text (highlighted in the line), Shift-Tab the previous.
struct CompletionMenu: Equatable {
    struct Candidate: Equatable {
        /// As the line shows it: the name, or the value's text.
        var shown: String
        /// As it goes into the query: the name, or the value's literal (`"checkout"`).
        var inserted: String
    }

    var candidates: [Candidate]
    /// The candidate in the text now; nil until the first Tab after the list opened.
    var selected: Int?
    /// The characters of the text that the next candidate replaces (what was put in last).
    var range: Range<Int>

    /// The candidate `step` places from the selected one, round the end.
    mutating func move(by step: Int) -> Candidate {
        let count = candidates.count
        let from = selected ?? (step > 0 ? -1 : count)
        let next = ((from + step) % count + count) % count
        selected = next
        return candidates[next]
    }

    /// The longest prefix every word starts with (in characters). O(total length).
    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map(Array.init) else { return "" }
        for word in words.dropFirst() {
            var n = 0
            for c in word {
                guard n < prefix.count, prefix[n] == c else { break }
                n += 1
            }
            prefix.removeSubrange(n...)
        }
        return String(prefix)
    }
}
