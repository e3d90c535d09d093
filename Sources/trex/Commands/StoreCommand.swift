import ArgumentParser

/// `trex store`: looking after the persistent trace store.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Inspect, prune and export the trace store that `trex import` fills.",
        discussion: """
        Examples:
          trex store info
          trex store prune --older-than 7d
          trex store export --to otlp -o everything.json
        """,
        subcommands: [StoreInfoCommand.self, StorePruneCommand.self, StoreExportCommand.self])
}
