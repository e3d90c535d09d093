import TerminalCore

/// One binding: the keys that trigger a command.
public struct KeyBinding: Sendable, Hashable {
    public var keys: [Key]
    public var command: Command

    public init(_ keys: [Key], _ command: Command) {
        self.keys = keys
        self.command = command
    }

    /// The keys as help shows them: "j, Down".
    public var keyText: String { keys.map(\.description).joined(separator: ", ") }
}

/// The keys of one screen, grouped for the help overlay, falling back to the global keymap.
///
/// Screens dispatch through `command(for:)` and the help overlay lists `sections`, so help can
/// never drift from behaviour (tig's request table; lazygit's cheatsheet).
public struct Keymap: Sendable {
    public struct Section: Sendable {
        public var title: String
        public var bindings: [KeyBinding]

        public init(_ title: String, _ bindings: [KeyBinding]) {
            self.title = title
            self.bindings = bindings
        }
    }

    /// What the screen's marks mean, shown after its keys (the trace list's problems column).
    public struct Legend: Sendable {
        public var title: String
        public var entries: [(mark: String, meaning: String)]
    }

    public var name: String
    public var sections: [Section]
    public var legend: Legend?
    private var lookup: [Key: Command] = [:]

    public init(name: String, sections: [Section], legend: Legend? = nil) {
        self.name = name
        self.sections = sections
        self.legend = legend
        // The first binding of a key wins, so a screen's own sections come before global ones.
        for binding in sections.flatMap(\.bindings) {
            for key in binding.keys where lookup[key] == nil { lookup[key] = binding.command }
        }
    }

    /// The command a key triggers on this screen, if any.
    public func command(for key: Key) -> Command? { lookup[key] }

    /// Every key bound more than once within this keymap (a defect: tests assert there is none).
    public var conflicts: [Key] {
        var seen: [Key: Int] = [:]
        for key in sections.flatMap(\.bindings).flatMap(\.keys) { seen[key, default: 0] += 1 }
        return seen.filter { $0.value > 1 }.map(\.key)
    }
}
