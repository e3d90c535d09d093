import ArgumentParser
import ExplorerUI
import Foundation
import NcursesBackend
import TerminalCore
import TraceReceiver
import TraceStore

/// `trex FILE...`: the interactive explorer (the default command).
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the interactive explorer on trace files (the default: `trex FILE...`).",
        discussion: """
        Keys: ? shows every key of the current screen. / filters with the query language \
        (docs/query-language.md), Enter opens a trace's waterfall, q goes back and quits.

        With --listen, trex also receives OTLP (gRPC on 127.0.0.1:4317, HTTP on 127.0.0.1:4318) \
        into the trace store and shows traces as they arrive: n jumps to new traces, f follows \
        them. What arrived stays in the store after trex quits.
        """)

    @Argument(help: "Trace files or directories ('-' for standard input). None: the trace store.")
    var files: [String] = []

    @OptionGroup var store: StoreOptions

    @OptionGroup var display: DisplayOptions

    @Flag(help: "Receive OTLP live into the trace store (see --grpc, --http) and show traces as they arrive.")
    var listen = false

    @OptionGroup var receiver: ReceiverOptions

    @OptionGroup var remote: RemoteSourceOptions

    func run() throws {
        // No files: the trace store (`trex import` fills it); --store adds a store to files.
        var storePath = store.path
        if listen {
            storePath = store.resolvedPath
        } else if files.isEmpty, storePath == nil, remote.sources.isEmpty {
            let defaultPath = StoreLocation.defaultPath()
            guard FileManager.default.fileExists(atPath: defaultPath) else {
                FileHandleOutput.standardOutput(Trex.helpMessage() + "\n\nNo trace store yet at \(defaultPath): "
                    + "open files with `trex FILE...`, or import them once with `trex import FILE...`.\n")
                return
            }
            storePath = defaultPath
        }
        let config = try display.loadConfig()
        let theme = try display.resolveTheme(config: config)
        var opened: PersistentStore?
        if let storePath {
            do {
                opened = listen ? try PersistentStore.open(at: storePath, create: true)
                    : try PersistentStore.openForReading(at: storePath)
            } catch {
                FileHandleOutput.message("\(error)")
                throw ExitCode(1)
            }
        }
        var session = ExplorerSession(theme: theme, noColor: display.noColorRequested,
                                      ascii: display.ascii || config.ascii == true,
                                      mouse: !display.noMouse && config.mouse != false)
        var running: (OTLPReceiver, StoreIngest)?
        if listen, let opened {
            let ingest = StoreIngest(store: opened)
            let receiver = try receiver.start { ingest.ingest($0, rejected: $1) }
            running = (receiver, ingest)
            session.live = LiveSource(endpoints: receiver.endpoints.map(\.description),
                                      takeChanges: { ingest.takeChanges() },
                                      counts: { let t = ingest.totals; return (t.spansStored, t.batchesRefused + t.failures) })
        }
        let status = try session.run(files: files, store: opened, remote: remote)
        if let (receiver, ingest) = running {
            receiver.stop()
            do { try ingest.finish() } catch { FileHandleOutput.message("\(error)") }
            if status == 0 || ingest.totals.requests > 0 {
                FileHandleOutput.standardError("trex: received " + ReceiveCommand.line(ingest.totals, since: session.started,
                                                                                        store: store.resolvedPath)
                    + " into \(store.resolvedPath)")
            }
        }
        if status != 0 { throw ExitCode(status) }
    }
}

/// Options of the interactive explorer's look.
struct DisplayOptions: ParsableArguments {
    @Option(help: "Colour theme: a name (dark, light, mono, high-contrast, colorblind, or one in ~/.config/trex/themes) or a path. Default: $TREX_THEME or dark.")
    var theme: String?

    @Flag(name: .customLong("no-color"), help: "No colours, attributes only (also when NO_COLOR is set).")
    var noColor = false

    @Flag(help: "Draw with ASCII only (automatic when the locale is not UTF-8), for fonts without box drawing or blocks.")
    var ascii = false

    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (its own text selection): no clicks or wheel in trex. Also `mouse = false` in ~/.config/trex/config.toml.")
    var noMouse = false

    var noColorRequested: Bool {
        noColor || ColorMode.noColorRequested(environment: ProcessInfo.processInfo.environment)
    }

    /// The user's config file (`UserConfig`); a bad one stops trex with its file and line.
    func loadConfig() throws -> UserConfig {
        do {
            return try UserConfig.load(environment: ProcessInfo.processInfo.environment)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// `--theme`, else `TREX_THEME`, else the config file's `theme`, else dark.
    func resolveTheme(config: UserConfig = UserConfig()) throws -> Theme {
        let environment = ProcessInfo.processInfo.environment
        let fromEnvironment = environment["TREX_THEME"].map { !$0.isEmpty } ?? false
        let fromConfig = theme == nil && !fromEnvironment ? config.theme : nil
        do {
            return try ThemeResolver.resolve(theme ?? fromConfig, environment: environment)
        } catch {
            // A theme the config file names: say where it was named.
            let origin = fromConfig != nil ? config.themeOrigin.map { $0 + ": " } ?? "" : ""
            throw ValidationError(origin + error.description)
        }
    }
}
