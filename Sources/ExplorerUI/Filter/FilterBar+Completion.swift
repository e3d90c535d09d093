import TraceQuery

/// Tab in the filter bar: the name or value under the cursor completed from the words the app
/// knows (`ExplorerApp+Completion`). One candidate goes in whole; several put in what they all
/// start with and open the list, which Tab and Shift-Tab then walk.
extension FilterBar {
    /// What Tab would complete at the cursor; nil in a plain prompt or where nothing completes.
    var completionContext: CompletionContext? {
        guard isQuery else { return nil }
        return CompletionContext.at(editor.text, cursor: editor.cursor)
    }

    /// Completes `context` from `words` (field names, or the field's values, most likely first).
    mutating func complete(_ context: CompletionContext, from words: [String]) {
        let matches = Self.matches(context, words)
        guard !matches.isEmpty else {
            completionNote = context.typed.isEmpty ? "Nothing to complete here." : "No completion for \(context.typed)."
            return
        }
        let quoted = Self.isQuoted(context, values: words)
        let candidates = matches.map { CompletionMenu.Candidate(shown: $0, inserted: Self.inserted($0, context, quoted: quoted)) }
        if candidates.count == 1 {
            editor.replace(context.range, with: candidates[0].inserted)
            validate()
            return
        }
        var prefix = CompletionMenu.commonPrefix(matches)
        if prefix.count < context.typed.count { prefix = context.typed }
        // A value's common prefix goes in quotes, the cursor before the closing one, so the
        // query still parses and the next Tab reads the same unfinished value.
        let partial = quoted ? QueryPrinter.quote(prefix) : prefix
        editor.replace(context.range, with: partial, cursorBack: quoted ? 1 : 0)
        completionMenu = CompletionMenu(candidates: candidates, selected: nil,
                                        range: context.range.lowerBound..<(context.range.lowerBound + partial.count))
        validate()
    }

    /// Puts the next (`step` 1) or previous (-1) candidate of the open list in the text.
    mutating func cycleCompletion(_ step: Int) {
        guard var menu = completionMenu, !menu.candidates.isEmpty else { return }
        let candidate = menu.move(by: step)
        editor.replace(menu.range, with: candidate.inserted)
        menu.range = menu.range.lowerBound..<(menu.range.lowerBound + candidate.inserted.count)
        completionMenu = menu
        validate()
    }

    /// The words that start with what is typed (case-sensitively, else in any case, as
    /// intrinsics are read); a name not found as written is also looked for without its
    /// `span.`/`resource.` scope (`http.ro` finds `span.http.route` as `http.route`). In the
    /// words' order, each once.
    static func matches(_ context: CompletionContext, _ words: [String]) -> [String] {
        let typed = context.typed
        func starting(_ list: [String]) -> [String] {
            let exact = list.filter { $0.hasPrefix(typed) }
            if !exact.isEmpty { return exact }
            let lower = typed.lowercased()
            return list.filter { $0.lowercased().hasPrefix(lower) }
        }
        var found = starting(words)
        if found.isEmpty, context.target == .name {
            let dot = typed.hasPrefix(".") ? "." : ""
            let unscoped = words.compactMap { word -> String? in
                for scope in ["span.", "resource."] where word.hasPrefix(scope) { return dot + word.dropFirst(scope.count) }
                return nil
            }
            found = starting(unscoped)
        }
        var seen = Set<String>()
        return found.filter { seen.insert($0).inserted }
    }

    /// The text a candidate puts in the query: a name as the query writes it (quoted when it
    /// is not one name token), a string value as a literal with its quotes and controls escaped.
    static func inserted(_ word: String, _ context: CompletionContext, quoted: Bool) -> String {
        switch context.target {
        case .name: Field.written(word, traceQL: context.traceQL) ?? word
        case .value: quoted ? QueryPrinter.quote(word) : word
        }
    }

    /// Whether the field's values are written as strings (`"checkout"`), not words (`error`).
    /// An attribute's are strings unless every value known for it is a number or a boolean
    /// (`http.status_code = 500`: a backend lists its values as text, whatever their type).
    static func isQuoted(_ context: CompletionContext, values: [String]) -> Bool {
        guard case .value(let field, _) = context.target else { return false }
        switch field.type {
        case .string, .traceID, .spanID, .problem: return true
        case .attribute: return values.isEmpty || !values.allSatisfy(Self.isBareLiteral)
        case .duration, .integer, .boolean, .status, .kind: return false
        }
    }

    /// `200`, `-1.5`, `true`: a value the query reads as a number or a boolean.
    static func isBareLiteral(_ word: String) -> Bool {
        word == "true" || word == "false" || (word.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") } && Double(word) != nil)
    }
}
