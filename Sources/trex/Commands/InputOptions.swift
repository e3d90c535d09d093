import ArgumentParser
import TraceStore

/// The inputs every command reads.
struct InputOptions: ParsableArguments {
    @Argument(help: "Trace files or directories ('-' for standard input).")
    var files: [String] = []

    @Flag(name: .shortAndLong, help: "Do not print load warnings.")
    var quiet = false

    /// Loads the inputs, prints what was skipped to standard error, and exits 1 when nothing
    /// could be loaded.
    func load() throws -> TraceCatalog {
        guard !files.isEmpty else { throw ValidationError("give at least one trace file or directory") }
        let outcome = TraceLoader.load(files)
        if !quiet {
            for message in outcome.messages { FileHandleOutput.standardError("trex: \(message)") }
        }
        guard outcome.loadedAnything else {
            FileHandleOutput.standardError("trex: no spans could be loaded from \(files.joined(separator: " "))")
            throw ExitCode(1)
        }
        return TraceCatalog(table: outcome.table)
    }
}
