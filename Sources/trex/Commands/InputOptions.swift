import ArgumentParser
import TerminalCore
import TraceQuery
import TraceStore
import TraceWorkspace

/// The inputs every non-interactive command reads: trace files, the trace store, or both.
///
/// With no file argument a command reads the store (the default one, or `--store PATH`); with
/// files it reads them in memory; with `--source` it searches a Jaeger, Tempo or Zipkin backend; with files and `--store` it reads both, as if the store's
/// traces had been loaded with the files (spans of one trace in both are merged; see
/// docs/store.md).
struct InputOptions: ParsableArguments {
    @Argument(help: "Trace files or directories ('-' for standard input); none: the trace store.")
    var files: [String] = []

    @OptionGroup var store: StoreOptions

    @OptionGroup var remote: RemoteSourceOptions

    @Flag(name: .shortAndLong, help: "Do not print load warnings.")
    var quiet = false

    /// Loads the files, opens the store, or both (see the type's description). Prints what
    /// was skipped to standard error; exits 1 when no file could be loaded or the store cannot
    /// be opened.
    /// With `--source`, the backends too (and the store only when `--store` names it): each
    /// searched once for what it can search of `query` (the last hour by default).
    func resolve(query: Query? = nil) throws -> Workspace {
        let catalog = files.isEmpty ? nil : try load()
        let readsStore = (files.isEmpty && remote.sources.isEmpty) || store.path != nil
        let opened = readsStore ? try store.open(forReading: true) : nil
        var sources: [any TraceSource] = []
        if let catalog { sources.append(catalog) }
        if let opened { sources.append(opened) }
        sources += try remote.open(query: query, quiet: quiet)
        return Workspace(sources: sources)
    }

    /// Loads the files (in memory only).
    func load() throws -> TraceCatalog {
        guard !files.isEmpty else { throw ValidationError("give at least one trace file or directory") }
        let outcome = TraceLoader.load(files)
        if !quiet {
            for message in outcome.messages { FileHandleOutput.message("\(message)") }
        }
        guard outcome.loadedAnything else {
            FileHandleOutput.standardError("trex: no spans could be loaded from " + files.map(\.visiblyEscaped).joined(separator: " "))
            throw ExitCode(1)
        }
        return TraceCatalog(table: outcome.table)
    }
}
