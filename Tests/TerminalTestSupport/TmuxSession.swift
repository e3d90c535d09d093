import Foundation

/// A private tmux server running one shell in a pane of a fixed size, driven like a user would:
/// keys in with `send-keys`, the screen out with `capture-pane -p`, polled (never fixed sleeps).
public final class TmuxSession {
    public let socket: String
    public let directory: URL
    private static let counter = Counter()

    /// Starts `bash` without profile in a `width` x `height` pane, with TERM left to tmux.
    public init(width: Int = 120, height: Int = 40) throws {
        socket = "trex-e2e-\(getpid())-\(TmuxSession.counter.next())"
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try tmux(["new-session", "-d", "-x", "\(width)", "-y", "\(height)",
                  "-e", "LANG=C.UTF-8", "-e", "PS1=$ ", "-e", "SWIFT_BACKTRACE=interactive=no,color=no",
                  "bash", "--norc", "--noprofile"])
        let info = (try? tmux(["display-message", "-p", "#{pid} #{socket_path}"]))?.split(separator: " ") ?? []
        serverPID = info.first.flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        socketPath = info.count > 1 ? String(info[1]).trimmingCharacters(in: .whitespacesAndNewlines) : nil
        guard waitFor({ $0.contains("$") }) != nil else { throw TmuxError.timeout("no shell prompt") }
    }

    /// The server's pid and socket, to make sure neither outlives the test.
    private var serverPID: pid_t?
    private var socketPath: String?

    deinit {
        _ = try? tmux(["kill-server"])
        if let serverPID, kill(serverPID, 0) == 0 {
            usleep(50_000)
            if kill(serverPID, 0) == 0 { kill(serverPID, SIGKILL) }
        }
        if let socketPath { unlink(socketPath) }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Types `text` literally, then presses Enter.
    public func run(_ command: String) throws {
        try tmux(["send-keys", "-l", command])
        try tmux(["send-keys", "Enter"])
    }

    /// Sends tmux key names ("C-d", "BTab", "Escape", "q").
    public func press(_ keys: String...) throws {
        try tmux(["send-keys"] + keys)
    }

    /// The pane's text, as `capture-pane -p` prints it.
    public func capture() -> String {
        (try? tmux(["capture-pane", "-p"])) ?? ""
    }

    /// The pane's text with up to `lines` lines of scrollback above it.
    public func captureWithHistory(lines: Int = 500) -> String {
        (try? tmux(["capture-pane", "-p", "-S", "-\(lines)"])) ?? ""
    }

    /// Resizes the pane's window.
    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen every 20 ms until `condition` holds (returning that screen) or `timeout` passes.
    @discardableResult
    public func waitFor(timeout: Duration = .seconds(5), _ condition: (String) -> Bool) -> String? {
        let deadline = ContinuousClock.now + timeout
        while true {
            let screen = capture()
            if condition(screen) { return screen }
            if ContinuousClock.now > deadline { return nil }
            usleep(20_000)
        }
    }

    /// Polls until a line of the screen equals `line`.
    @discardableResult
    public func waitForLine(_ line: String, timeout: Duration = .seconds(5)) -> String? {
        waitFor(timeout: timeout) { $0.split(separator: "\n", omittingEmptySubsequences: false).contains { $0 == line } }
    }

    /// Runs a tmux command on this server and returns its standard output.
    @discardableResult
    public func tmux(_ arguments: [String]) throws -> String {
        // A small, fixed environment: nothing of the test runner's (NO_COLOR, TMUX, ...) leaks into the pane.
        let inherited = ProcessInfo.processInfo.environment
        var environment = ["LANG": "C.UTF-8", "PATH": inherited["PATH"] ?? "/usr/bin:/bin", "HOME": inherited["HOME"] ?? "/tmp"]
        if let user = inherited["USER"] { environment["USER"] = user }
        // A command that starts the server must not get a pipe: the server would inherit it and hold it open.
        let result = Subprocess.run(
            TmuxSession.tmuxPath, ["-u", "-L", socket, "-f", "/dev/null"] + arguments,
            environment: environment.map { "\($0.key)=\($0.value)" },
            captureOutput: arguments.first != "new-session"
        )
        guard result.status == 0 else { throw TmuxError.failed(arguments.joined(separator: " ")) }
        return result.output
    }

    /// Where tmux is installed, if it is.
    public static let tmuxPath: String = {
        for directory in ["/usr/bin", "/usr/local/bin", "/bin"] {
            let path = directory + "/tmux"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return "/usr/bin/tmux"
    }()

    /// A thread-safe counter for unique socket names.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}

public enum TmuxError: Error {
    case failed(String)
    case timeout(String)
}
