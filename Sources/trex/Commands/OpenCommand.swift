import ArgumentParser
import ExplorerUI
import Foundation
import NcursesBackend
import TerminalCore
import TraceStore

/// `trex FILE...`: the interactive explorer (the default command).
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the interactive explorer on trace files (the default: `trex FILE...`).",
        discussion: """
        Keys: ? shows every key of the current screen. / filters with the query language \
        (docs/query-language.md), Enter opens a trace's waterfall, q goes back and quits.
        """)

    @Argument(help: "Trace files or directories ('-' for standard input).")
    var files: [String] = []

    @OptionGroup var display: DisplayOptions

    func run() throws {
        if files.isEmpty {
            FileHandleOutput.standardOutput(Trex.helpMessage() + "\n")
            return
        }
        let theme = try display.resolveTheme()
        let status = try ExplorerSession(theme: theme, noColor: display.noColorRequested).run(files: files)
        if status != 0 { throw ExitCode(status) }
    }
}

/// Options of the interactive explorer's look.
struct DisplayOptions: ParsableArguments {
    @Option(help: "Colour theme: a name (dark, light, mono, high-contrast, colorblind, or one in ~/.config/trex/themes) or a path. Default: $TREX_THEME or dark.")
    var theme: String?

    @Flag(name: .customLong("no-color"), help: "No colours, attributes only (also when NO_COLOR is set).")
    var noColor = false

    var noColorRequested: Bool {
        noColor || ColorMode.noColorRequested(environment: ProcessInfo.processInfo.environment)
    }

    func resolveTheme() throws -> Theme {
        do {
            return try ThemeResolver.resolve(theme, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
