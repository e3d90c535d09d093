import TerminalTestSupport
import Foundation
import Testing

/// The demo program in a real terminal (tmux): drawing, keys, resizes, quitting, signals, crashes,
/// suspension and the start-up errors, each checking that the terminal is left sane (`stty -a` the
/// same before and after). Serialized to keep the load low on small machines.
@Suite("trex-terminal-demo in tmux", .serialized)
struct TmuxEndToEndTests {
    /// The demo binary, built next to the test bundle.
    static let demo: String = {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return executable.deletingLastPathComponent().appendingPathComponent("trex-terminal-demo").path
    }()

    /// A session with the demo started from the shell, after saving `stty -a`.
    func startDemo(_ prefix: String = "", width: Int = 120, height: Int = 40) throws -> TmuxSession {
        #expect(FileManager.default.isExecutableFile(atPath: Self.demo), "build the demo first: swift build --product trex-terminal-demo")
        let session = try TmuxSession(width: width, height: height)
        try session.startProgram(prefix + Self.demo)
        // Wait for the whole first frame: tmux may show a frame half drawn.
        #expect(session.waitForLine("q quits, X crashes, F restores then crashes") != nil, "the demo did not draw")
        return session
    }

    /// After the demo ended: its exit status, and whether `stty -a` is unchanged.
    func finish(_ session: TmuxSession, timeout: Duration = .seconds(5)) throws -> (status: String?, sane: Bool) {
        try session.finishProgram(timeout: timeout)
    }

    /// The pid the demo shows on its second line.
    func demoPID(_ session: TmuxSession) -> pid_t? {
        guard let line = session.capture().split(separator: "\n").first(where: { $0.contains(" pid ") }),
              let text = line.split(separator: " ").last else { return nil }
        return pid_t(text)
    }

    @Test("Draws wide text and bars exactly, echoes keys, and q leaves a sane terminal")
    func drawsAndEchoes() throws {
        let session = try startDemo()
        let screen = session.capture()
        #expect(screen.contains("cjk: 中文テキスト|\n"))
        #expect(screen.contains("emoji: 😀 👩 ❤  🇯🇵 é|\n"))
        #expect(screen.contains("bar: ▌█████████▍|\n"))
        #expect(screen.contains("eighths: ▏▎▍▌▋▊▉█\n"))
        #expect(screen.contains("tree: ├─ a  └─ b  │\n"))
        #expect(screen.contains("term tmux-256color  colours 256  utf8 yes"))
        let keys: [(String, String)] = [
            ("Down", "Down"), ("C-d", "ctrl-d"), ("BTab", "S-Tab"), ("PPage", "PgUp"), ("NPage", "PgDn"),
            ("Home", "Home"), ("End", "End"), ("F5", "F5"), ("Escape", "Esc"), ("C-Left", "ctrl-Left"),
            ("M-x", "alt-x"), ("C-s", "ctrl-s"), ("Tab", "Tab"), ("BSpace", "Backspace"), ("DC", "Del"),
            ("Enter", "Enter"), ("é", "é"), ("中", "中"), ("G", "G"),
        ]
        for (key, name) in keys {
            try session.press(key)
            #expect(session.waitForLine("last key: \(name)") != nil, "key \(key)")
        }
        try session.press("q")
        try session.expectCleanExit(status: "0")
    }

    @Test("Resizes redraw at the new size, and a small window shows the too-small screen")
    func resizes() throws {
        let session = try startDemo()
        try session.resize(width: 100, height: 30)
        #expect(session.waitFor { $0.contains("size 100x30 ") } != nil)
        try session.resize(width: 50, height: 10)
        #expect(session.waitForLine("            Terminal too small: 50x10") != nil)
        #expect(session.capture().contains("Needs at least 60x15"))
        try session.resize(width: 120, height: 40)
        #expect(session.waitFor { $0.contains("size 120x40 ") && $0.contains("resizes: 3") } != nil)
        try session.press("q")
        try session.expectCleanExit(status: "0")
    }

    @Test("Ctrl-C quits cleanly with status 130")
    func ctrlC() throws {
        let session = try startDemo()
        try session.press("C-c")
        try session.expectCleanExit(status: "130")
    }

    @Test("SIGTERM and SIGHUP restore the terminal", arguments: [(SIGTERM, "143"), (SIGHUP, "129")])
    func signals(signal: Int32, expected: String) throws {
        let session = try startDemo()
        let pid = try #require(demoPID(session))
        kill(pid, signal)
        try session.expectCleanExit(status: expected)
    }

    @Test("A crash restores the terminal and still reports", arguments: ["X", "F"])
    func crash(key: String) throws {
        let session = try startDemo()
        try session.press(key)
        let (status, sane) = try finish(session, timeout: .seconds(30))
        #expect(status == "132" || status == "133")  // SIGILL (x86-64 traps) or SIGTRAP (arm64)
        #expect(sane)
        if key == "F" {
            #expect(session.captureWithHistory().contains("Fatal error: demo crash requested with F"))
        }
    }

    @Test("Ctrl-Z suspends with the shell's modes and fg repaints everything")
    func suspend() throws {
        let session = try startDemo()
        try session.press("C-z")
        #expect(session.waitFor { $0.contains("Stopped") } != nil)
        let dir = session.directory.path
        try session.run("clear; stty -a > \(dir)/stopped; cmp -s \(dir)/before \(dir)/stopped && printf '%s-%s\\n' STOPPED SANE; fg")
        #expect(session.waitFor { $0.contains("resumes: 1") && $0.contains("cjk: 中文テキスト|") } != nil)
        try session.press("Down")  // after fg an arrow must still arrive whole, not as a bare letter
        #expect(session.waitForLine("last key: Down") != nil)
        try session.press("q")
        try session.expectCleanExit(status: "0")
        #expect(FileManager.default.contentsEqual(atPath: "\(dir)/before", andPath: "\(dir)/stopped"))
    }

    @Test("SIGSTOP then fg (a debugger, kill -STOP) takes the terminal back: keys arrive, the screen is repainted")
    func stopAndContinue() throws {
        let session = try startDemo()
        let pid = try #require(demoPID(session))
        kill(pid, SIGSTOP)
        #expect(session.waitFor { $0.contains("Stopped") } != nil)
        try session.run("fg")
        #expect(session.waitFor { $0.contains("resumes: 1") && $0.contains("cjk: 中文テキスト|") } != nil)
        try session.press("Down")
        #expect(session.waitForLine("last key: Down") != nil)
        try session.press("q")
        try session.expectCleanExit(status: "0")
    }

    @Test("TERM=dumb and a missing terminal are clear errors with status 2")
    func startErrors() throws {
        let session = try TmuxSession()
        try session.run("clear; TERM=dumb \(Self.demo); printf '%s=%s\\n' dumb \"$?\"")
        let dumb = session.waitFor { $0.contains("\ndumb=") } ?? ""
        #expect(dumb.contains("cannot position the cursor"))
        #expect(dumb.contains("dumb=2"))
        try session.run("clear; \(Self.demo) < /dev/null | cat; printf '%s=%s\\n' notty \"${PIPESTATUS[0]}\"")
        let notty = session.waitFor { $0.contains("\nnotty=") } ?? ""
        #expect(notty.contains("not a terminal"))
        #expect(notty.contains("notty=2"))
    }

    @Test("An unknown TERM falls back to xterm-256color with a warning")
    func unknownTerm() throws {
        let session = try startDemo("TERM=no-such-terminal ")
        #expect(session.waitFor { $0.contains("warning: unknown terminal type 'no-such-terminal', using 'xterm-256color'") } != nil)
        #expect(session.capture().contains("term xterm-256color"))
        try session.press("Down")
        #expect(session.waitForLine("last key: Down") != nil)
        try session.press("q")
        try session.expectCleanExit(status: "0")
    }

    @Test("--ascii draws lines, trees and bars with ASCII and wide text as question marks")
    func ascii() throws {
        let session = try TmuxSession()
        try session.startProgram(Self.demo + " --ascii")
        let screen = session.waitForLine("q quits, X crashes, F restores then crashes") ?? ""
        #expect(screen.contains("utf8 no"))
        #expect(screen.contains("tree: |- a  `- b  |\n"))
        #expect(screen.contains("bar: ########## |\n"))  // whole cells: the last 3/8 of a cell is left out
        #expect(screen.contains("eighths: |||#####\n"))
        #expect(screen.contains("cjk: ????????????|\n"))  // each wide character keeps its two columns
        #expect(screen.contains("emoji: ?? ?? ?? ?? ?|\n"))
        try session.press("q")
        try session.expectCleanExit(status: "0")
    }

    @Test("NO_COLOR draws without colour")
    func noColor() throws {
        let session = try startDemo("NO_COLOR=1 ")
        #expect(session.capture().contains("colours none"))
        let styled = try session.tmux(["capture-pane", "-p", "-e"])
        let parameters = TmuxSession.sgrParameters(styled)
        #expect(!parameters.contains { (30...38).contains($0) || (40...48).contains($0) || (90...107).contains($0) })
        #expect(parameters.contains(7))  // the selected row is reversed
        #expect(parameters.contains(1) && parameters.contains(2))  // bold title, dim help
        try session.press("q")
        try session.expectCleanExit(status: "0")
    }
}
