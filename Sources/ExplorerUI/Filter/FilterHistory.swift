/// Past filters, newest last, kept across runs in `$XDG_STATE_HOME/trex/history`
/// (default `~/.local/state/trex/history`), one query per line.
public struct FilterHistory: Sendable {
    public private(set) var entries: [String]
    /// Where the history lives; nil keeps it in memory only (tests, unwritable homes).
    public let path: String?
    public let limit: Int

    public init(path: String?, limit: Int = 500) {
        self.path = path
        self.limit = limit
        entries = path.flatMap(Self.read) ?? []
    }

    /// The default location, from the XDG base directory rules.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/trex/history" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/trex/history"
    }

    /// Records a filter that was applied (moving a repeat to the end) and saves the file.
    public mutating func record(_ query: String) {
        let trimmed = query.trimmingSpaces
        guard !trimmed.isEmpty, !trimmed.contains("\n") else { return }
        entries.removeAll { $0 == trimmed }
        entries.append(trimmed)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        save()
    }

    private func save() {
        guard let path else { return }
        TextFile.writeAtomically(entries.joined(separator: "\n") + "\n", to: path)
    }

    private static func read(_ path: String) -> [String]? {
        TextFile.read(path)?.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return String(s)
    }
}

/// Walking through history with Up/Down from the filter bar, keeping what was being typed.
public struct HistoryCursor: Sendable {
    private let entries: [String]
    private var index: Int
    private let draft: String

    public init(entries: [String], draft: String) {
        self.entries = entries
        index = entries.count
        self.draft = draft
    }

    /// The previous (older) entry, or nil at the oldest.
    public mutating func older() -> String? {
        guard index > 0 else { return nil }
        index -= 1
        return entries[index]
    }

    /// The next (newer) entry; past the newest, the draft that was being typed.
    public mutating func newer() -> String? {
        guard index < entries.count else { return nil }
        index += 1
        return index == entries.count ? draft : entries[index]
    }
}
