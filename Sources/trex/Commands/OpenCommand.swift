import ArgumentParser

/// `trex FILE...`: the interactive explorer (the default command).
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the interactive explorer on trace files (the default: `trex FILE...`).")

    @Argument(help: "Trace files or directories ('-' for standard input).")
    var files: [String] = []

    func run() throws {
        if files.isEmpty {
            FileHandleOutput.standardOutput(Trex.helpMessage() + "\n")
            return
        }
        throw ValidationError("the interactive explorer is not built yet; use `trex list` or `trex show`")
    }
}
