import Foundation

/// Drives a real program in tmux: type keys, read the screen, resize, and check the terminal
/// afterwards. Each session uses its own tmux server socket, so tests never touch the user's
/// tmux and can run side by side.
final class TmuxSession {
    let socket: String
    let name = "trex"
    private(set) var started = false

    static var isAvailable: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    init() {
        socket = "trex-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    deinit { kill() }

    /// Starts a shell in a detached session of the given size. The shell runs with a fixed
    /// prompt so tests can tell when a program has exited.
    func start(width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        var exports = "export PS1='$ ' HISTFILE=/dev/null LANG=C.UTF-8"
        for (k, v) in environment { exports += " \(k)='\(v)'" }
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)",
                  "env -i PATH=\"$PATH\" HOME=\"$HOME\" TERM=tmux-256color bash --norc --noprofile"])
        started = true
        try tmux(["set-option", "-t", name, "status", "off"])
        try sendLine(exports + "; clear")
        _ = try waitFor { $0.contains("$") }
    }

    /// Types a line into the shell and presses Enter.
    func sendLine(_ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", text])
        try tmux(["send-keys", "-t", name, "Enter"])
    }

    /// Sends tmux key names (`Down`, `C-c`, `Escape`, `q`) or literal text with `literal: true`.
    func send(_ keys: String..., literal: Bool = false) throws {
        try tmux(["send-keys", "-t", name] + (literal ? ["-l"] : []) + keys)
    }

    /// The visible screen as text, as `capture-pane -p` prints it.
    func capture() throws -> String {
        try tmux(["capture-pane", "-p", "-t", name])
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen every 20 ms until `condition` holds; throws with the last screen when
    /// it does not within `timeout` seconds.
    @discardableResult
    func waitFor(timeout: Double = 10, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if condition(screen) { return screen }
            usleep(20_000)
        }
        throw TmuxError.timeout(screen: screen)
    }

    func waitFor(text: String, timeout: Double = 10) throws -> String {
        try waitFor(timeout: timeout) { $0.contains(text) }
    }

    func kill() {
        guard started else { return }
        _ = try? tmux(["kill-server"])
        started = false
    }

    enum TmuxError: Error, CustomStringConvertible {
        case failed(String)
        case timeout(screen: String)

        var description: String {
            switch self {
            case .failed(let message): return "tmux failed: \(message)"
            case .timeout(let screen): return "timed out waiting; the screen was:\n\(screen)"
            }
        }
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux", "-L", socket] + arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errorData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TmuxError.failed(arguments.joined(separator: " ") + ": " + String(decoding: errorData, as: UTF8.self))
        }
        return String(decoding: data, as: UTF8.self)
    }
}
