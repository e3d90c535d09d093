import ArgumentParser
import TraceModel
import TraceStore

/// `trex store prune`: deletes old traces.
struct StorePruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Delete old traces from the store (whole traces, by their start time).",
        discussion: """
        Examples:
          trex store prune --older-than 7d      traces that started more than 7 days ago
          trex store prune --keep-last 10000    all but the 10,000 that started last
        """)

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Delete traces that started longer ago than this (90s, 30m, 12h, 7d, 2w, 1d12h).",
                               valueName: "age"))
    var olderThan: AgeArgument?

    @Option(help: ArgumentHelp("Keep only the N traces that started last.", valueName: "n"))
    var keepLast: Int?

    func validate() throws {
        switch (olderThan, keepLast) {
        case (nil, nil): throw ValidationError("say what to prune: --older-than AGE or --keep-last N")
        case (.some, .some): throw ValidationError("use either --older-than or --keep-last, not both")
        case (nil, .some(let n)) where n < 0: throw ValidationError("--keep-last needs a number of traces, 0 or more")
        default: break
        }
    }

    func run() throws {
        let opened = try store.open()
        let result = try storeOperation { () throws(StoreError) in
            if let olderThan {
                return try opened.prune(olderThan: Timestamp(unixNanos: WallClock.nowNanos()) - olderThan.duration)
            }
            return try opened.prune(keepLast: keepLast ?? 0)
        }
        var line = "pruned \(NumberFormat.count(result.traces, "trace")), \(NumberFormat.count(result.spans, "span"))"
        if result.strings > 0 { line += " and \(NumberFormat.count(result.strings, "string")) no longer used" }
        line += "; the store is \(NumberFormat.bytes(result.bytesAfter))"
        if result.bytesAfter != result.bytesBefore { line += " (was \(NumberFormat.bytes(result.bytesBefore)))" }
        FileHandleOutput.standardOutput(line + "\n")
    }
}
