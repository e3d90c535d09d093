import ArgumentParser
import TraceStore

/// `--store PATH`: which persistent store a command uses.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("store"), help: ArgumentHelp(
        "The trace store (default: $XDG_DATA_HOME/trex/traces.sqlite, else ~/.local/share/trex/traces.sqlite).",
        valueName: "path"))
    var path: String?

    /// The path the options name, or the default one.
    var resolvedPath: String { path ?? StoreLocation.defaultPath() }

    /// Opens the store (for reading: read-only, after upgrading an older schema), printing why
    /// it cannot be opened and exiting 1 when that is the case.
    func open(create: Bool = false, forReading: Bool = false) throws -> PersistentStore {
        do {
            if forReading { return try PersistentStore.openForReading(at: resolvedPath) }
            return try PersistentStore.open(at: resolvedPath, create: create)
        } catch {
            FileHandleOutput.message("\(error)")
            throw ExitCode(1)
        }
    }
}

/// Runs a store operation, reporting a `StoreError` as `trex: ...` and exit status 1.
func storeOperation<T>(_ body: () throws(StoreError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        FileHandleOutput.message("\(error)")
        throw ExitCode(1)
    }
}

/// Runs work on the inputs' workspace, reporting what a source throws (a `StoreError`, say) as
/// `trex: ...` and exit status 1; exit codes pass through.
func sourceOperation<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        FileHandleOutput.message("\(error)")
        throw ExitCode(1)
    }
}
