import TerminalCore
import TraceModel
import TraceQuery
import TraceStore
import TraceWorkspace

/// What the filter's completion knows and is waiting for, for the session.
struct CompletionState {
    /// The field names and local values; nil until the first names arrive.
    var vocabulary: FilterVocabulary?
    /// The values of each field asked for so far, kept for the session.
    var values: [Field: [String]] = [:]
    /// Fields whose values are being looked up.
    var pending: Set<Field> = []
    /// The text and cursor of the bar when a Tab had to wait: if they are the same when the
    /// answer comes, it completes then.
    var waiting: (text: String, cursor: Int)?
    /// Sources whose failure was already said (once each).
    var saidFailures: Set<String> = []
    var lookup: CompletionLookup?
    /// The workspace completed over, and its listing when the names are still to be read.
    var workspace: Workspace?
    var unread: TraceListing?
}

/// Tab in the filter bar: completing from the vocabulary (`Workspace+Vocabulary`), which is
/// read in the background when loading ends; a field's values are asked on the first Tab after
/// `FIELD =` and kept. Without a mailbox (tests, benchmarks), it is read on the spot.
extension ExplorerApp {
    /// Loading ended: the names are read in the background (or when background work starts).
    func startCompletion(_ workspace: Workspace, listing: TraceListing) {
        completion.lookup?.stop()
        completion = CompletionState()
        completion.workspace = workspace
        completion.unread = listing
        startCompletionIfPossible()
    }

    /// Starts reading the names when the mailbox is known.
    func startCompletionIfPossible() {
        guard let post, let workspace = completion.workspace, let listing = completion.unread else { return }
        completion.unread = nil
        let lookup = CompletionLookup(workspace: workspace, post: post)
        completion.lookup = lookup
        lookup.loadNames(listing: listing)
    }

    /// Tab: the name or value at the cursor completed, or the lookup it waits for started.
    func completeFilter(_ bar: inout FilterBar) {
        guard let context = bar.completionContext else {
            bar.completionNote = "Nothing to complete here."
            return
        }
        readVocabularyIfNoMailbox()
        switch context.target {
        case .name:
            guard let vocabulary = completion.vocabulary else {
                // The intrinsics are known before anything is read; the rest is waited for.
                bar.complete(context, from: FilterVocabulary.intrinsicNames)
                if bar.completionNote != nil {
                    bar.completionNote = "The field names are still loading…"
                    completion.waiting = (bar.editor.string, bar.editor.cursor)
                }
                return
            }
            bar.complete(context, from: vocabulary.names)
        case .value(let field, let written):
            if let values = knownValues(of: field) {
                bar.complete(context, from: values)
                return
            }
            completion.waiting = (bar.editor.string, bar.editor.cursor)
            bar.completionNote = "looking up values of \(written)…"
            // Before the names the local values are not known either: the names' arrival
            // completes again, and asks the backends then.
            guard let vocabulary = completion.vocabulary, !completion.pending.contains(field),
                  let lookup = completion.lookup else { return }
            completion.pending.insert(field)
            lookup.loadValues(of: field, local: vocabulary)
        }
    }

    /// The values of a field at hand: asked before, the local sample's when there is no
    /// backend to ask, or (without a mailbox) everything asked now.
    private func knownValues(of field: Field) -> [String]? {
        if let values = completion.values[field] { return values }
        guard let vocabulary = completion.vocabulary, let workspace = completion.workspace else { return nil }
        if post == nil {
            let found = workspace.completionValues(of: field, local: vocabulary)
            sayFailures(found.failures)
            completion.values[field] = found.values
            return found.values
        }
        guard workspace.searchableSources.isEmpty else { return nil }
        let values = vocabulary.values(for: field)
        completion.values[field] = values
        return values
    }

    /// Without a mailbox nothing runs in the background: the vocabulary is read now, once.
    private func readVocabularyIfNoMailbox() {
        guard post == nil, completion.vocabulary == nil, let workspace = completion.workspace,
              let listing = completion.unread else { return }
        completion.unread = nil
        completion.vocabulary = workspace.filterVocabulary(listing: listing)
        sayFailures(completion.vocabulary?.failures ?? [])
    }

    /// Names arrived (the local ones, then with the backends').
    func applyCompletionNames(_ vocabulary: FilterVocabulary) -> LoopAction {
        let first = completion.vocabulary == nil
        completion.vocabulary = vocabulary
        sayFailures(vocabulary.failures)
        if first { resumeWaitingCompletion() }
        return .redraw
    }

    /// A field's values arrived: kept, and completed if the bar is as the Tab left it.
    func applyCompletionValues(_ found: FieldValues) -> LoopAction {
        completion.values[found.field] = found.values
        completion.pending.remove(found.field)
        sayFailures(found.failures)
        if case .value(let field, _)? = filterBar?.completionContext?.target, field == found.field {
            resumeWaitingCompletion()
        }
        return .redraw
    }

    /// Completes again what a Tab had to wait for, if the bar is as that Tab left it.
    private func resumeWaitingCompletion() {
        guard var bar = filterBar, let waiting = completion.waiting,
              waiting.text == bar.editor.string, waiting.cursor == bar.editor.cursor else { return }
        completion.waiting = nil
        bar.completionNote = nil
        completeFilter(&bar)
        filterBar = bar
    }

    /// Says in the status line, once per source, what completion could not ask.
    private func sayFailures(_ failures: [String]) {
        let new = failures.filter { failure in
            let source = String(failure.prefix { $0 != ":" })
            return completion.saidFailures.insert(source).inserted
        }
        guard !new.isEmpty else { return }
        flash = "Completion without " + new.joined(separator: "; ")
    }
}
