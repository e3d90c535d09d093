import ExplorerUI
import Foundation
import NcursesBackend
import TerminalCore
import TraceModel
import TraceRemote
import TraceStore
import TraceWorkspace

/// Runs the interactive explorer: starts the terminal, loads the inputs on a background thread
/// (the screen shows progress meanwhile), runs the loop, and afterwards prints on standard error
/// what the load skipped. Returns the exit status.
struct ExplorerSession {
    let theme: Theme
    let noColor: Bool
    var ascii = false
    /// Clicks and the wheel (off with `--no-mouse` or `mouse = false` in the config file).
    var mouse = true
    /// Live spans (`trex --listen`): the explorer stays open on an empty store and shows
    /// traces as they arrive.
    var live: LiveSource?
    let started = Date()

    func run(files: [String], store: PersistentStore? = nil, remote: RemoteSourceOptions? = nil) throws -> Int32 {
        let backend: NcursesBackend
        do {
            backend = try NcursesBackend.start(options: {
                var o = NcursesOptions(colorDisabled: noColor)
                o.asciiOnly = ascii
                o.mouse = mouse
                return o
            }())
        } catch {
            FileHandleOutput.message("\(error.message)")
            // The command that lists what the user asked to explore, ready to paste.
            let arguments = (store.map { ["--store", $0.path] } ?? []) + files
            if live != nil, let store {
                FileHandleOutput.standardError("trex: to receive without a terminal: trex receive --store "
                                               + Self.shellQuoted(store.path))
            } else {
                FileHandleOutput.standardError("trex: try: trex list " + arguments.map(Self.shellQuoted).joined(separator: " "))
            }
            return error.exitCode
        }
        let environment = ProcessInfo.processInfo.environment
        let app = ExplorerApp(theme: theme, historyPath: FilterHistory.defaultPath(environment: environment))
        if let live { app.receiveLive(live) }
        app.screenSize = backend.size
        let loop = TerminalLoop<AppMessage>(backend: backend)
        let mailbox = loop.mailbox
        app.startBackgroundWork { mailbox.post($0) }   // the problem scan reports here
        let result = LoadResultBox()
        let sources = files + (store.map { [$0.path] } ?? []) + (remote?.sources ?? [])
        // The files are decoded into memory; the store is only opened: the list reads its
        // summaries, and a trace's spans are read when it is opened.
        let loader = Thread {
            let throttle = ProgressThrottle()
            var catalog: TraceCatalog?
            var messages: [String] = []
            var skipped = 0
            let started = ContinuousClock.now
            if !files.isEmpty {
                let outcome = TraceLoader.load(files) { progress in
                    if throttle.shouldPost() { mailbox.post(.progress(progress)) }
                }
                if outcome.loadedAnything { catalog = TraceCatalog(table: outcome.table) }
                messages = outcome.messages
                skipped = outcome.spansSkipped
            }
            if let store {
                mailbox.post(.progress(LoadProgress(filesTotal: 1, current: "the trace list of the store \(store.path)")))
            }
            var opened: [any TraceSource] = []
            if let catalog { opened.append(catalog) }
            if let store { opened.append(store) }
            if let remote, !remote.sources.isEmpty {
                // Connected only: the explorer searches each backend from its own thread (the
                // filter of the moment, the last hour by default), the list filling page by page.
                do {
                    for (endpoint, options) in try remote.resolved() {
                        opened.append(RemoteSource.connect(endpoint, options: options))
                    }
                } catch {
                    messages.append("\(error)")
                }
            }
            let workspace = Workspace(sources: opened)
            var listing = TraceListing(strings: StringTable(), summaries: [])
            do { listing = try workspace.listing() } catch { messages.append("\(error)") }
            let elapsed = ContinuousClock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let report = LoadReport(sources: sources, messages: messages, spansSkipped: skipped, seconds: seconds)
            result.set(report, loaded: listing.count > 0 || opened.contains { $0 is any SearchableSource })
            mailbox.post(.loaded(workspace, listing, report))
        }
        loader.stackSize = 8 << 20
        loader.start()

        let exit = loop.run(
            handle: { event in
                if case .message(.loaded(let workspace, let listing, _)) = event, listing.count == 0, !app.isLive,
                   !workspace.sources.contains(where: { $0 is any SearchableSource }) { return .quit }
                let action = app.handle(event)
                if let text = app.takeClipboardRequest() { backend.copyToClipboard(text) }
                return action
            },
            render: { frame in app.render(&frame, capabilities: backend.capabilities) })
        app.stopBackgroundWork()
        backend.shutdown()

        for warning in backend.warnings { FileHandleOutput.message("\(warning)") }
        for message in app.searchMessages.prefix(50) { FileHandleOutput.message(message) }
        if let (report, loaded) = result.get() {
            let shown = report.messages.prefix(50)
            for message in shown { FileHandleOutput.message("\(message)") }
            if report.messages.count > shown.count {
                FileHandleOutput.standardError("trex: ... and \(report.messages.count - shown.count) more (see `trex list` for all)")
            }
            if !loaded, live == nil {
                FileHandleOutput.standardError("trex: no spans could be loaded from " + sources.map(\.visiblyEscaped).joined(separator: " "))
                return 1
            }
        }
        return exit.exitStatus
    }
}

extension ExplorerSession {
    /// A word as a POSIX shell reads it back: bare when it is plain, else in single quotes, and
    /// visibly escaped (a file name may hold control characters).
    static func shellQuoted(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) || "/._-+=:,@%".unicodeScalars.contains($0)
        }
        return (plain ? word : "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'").visiblyEscaped
    }
}

/// Hands the load's report from the loading thread to the main one.
private final class LoadResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: (LoadReport, Bool)?

    func set(_ report: LoadReport, loaded: Bool) {
        lock.lock()
        value = (report, loaded)
        lock.unlock()
    }

    func get() -> (LoadReport, Bool)? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}

/// Lets progress through at most every 50 ms (used from the loading thread only).
private final class ProgressThrottle: @unchecked Sendable {
    private var last = ContinuousClock.now - .seconds(1)

    func shouldPost() -> Bool {
        let now = ContinuousClock.now
        guard now - last >= .milliseconds(50) else { return false }
        last = now
        return true
    }
}
