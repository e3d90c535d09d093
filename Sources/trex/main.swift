import ArgumentParser
import Glibc

// trex's entry point. ArgumentParser reports usage errors with exit code 64; trex promises 2
// (0: loaded, possibly with warnings; 1: nothing could be loaded or matched; 2: usage).
// Under a file-size limit (`ulimit -f`) a write past it fails with EFBIG, which the store
// reports as running out of space, instead of SIGXFSZ killing trex mid-transaction.
signal(SIGXFSZ, SIG_IGN)
var command: ParsableCommand
do {
    command = try Trex.parseAsRoot()
} catch {
    if Trex.exitCode(for: error) == .validationFailure {
        FileHandleOutput.standardError(Trex.fullMessage(for: error))
        exitProcess(2)
    }
    Trex.exit(withError: error)
}
do {
    try command.run()
} catch let error as ValidationError {
    FileHandleOutput.message("\(error.message)")
    exitProcess(2)
} catch {
    Trex.exit(withError: error)
}
