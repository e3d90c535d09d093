import Foundation
import Testing

/// Running a full-screen program in the session's shell and checking how it left the terminal.
extension TmuxSession {
    /// Saves `stty -a`, clears the screen and starts `command` from the shell.
    public func startProgram(_ command: String) throws {
        try run("stty -a > \(directory.path)/before; clear; \(command)")
    }

    /// After the program ended: its exit status, and whether `stty -a` is unchanged.
    public func finishProgram(timeout: Duration = .seconds(5)) throws -> (status: String?, sane: Bool) {
        let dir = directory.path
        // Type only once the shell prompts again: input typed while a program is dying may be swallowed.
        let prompt = waitFor(timeout: timeout) { screen in
            screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } == "$"
        }
        if prompt == nil { Issue.record("no shell prompt after the program; screen:\n\(captureWithHistory())") }
        // The markers are printed from parts, so the typed command line itself never matches them.
        try run("printf '%s=%s\\n' status \"$?\"; stty -a > \(dir)/after; cmp -s \(dir)/before \(dir)/after && printf '%s-%s\\n' STTY SAME || printf '%s-%s\\n' STTY DIFF")
        guard let screen = waitFor(timeout: timeout, { $0.contains("\nSTTY-SAME") || $0.contains("\nSTTY-DIFF") }) else {
            Issue.record("the shell did not come back; screen with history:\n\(captureWithHistory())")
            return (nil, false)
        }
        let status = screen.split(separator: "\n").last { $0.hasPrefix("status=") }.map { String($0.dropFirst(7)) }
        return (status, screen.contains("\nSTTY-SAME"))
    }

    /// Expects the program to have ended with `status` and left `stty -a` as it was.
    public func expectCleanExit(status expected: String = "0", timeout: Duration = .seconds(5),
                                sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (status, sane) = try finishProgram(timeout: timeout)
        #expect(status == expected, sourceLocation: sourceLocation)
        #expect(sane, "stty -a changed", sourceLocation: sourceLocation)
    }

    /// Every parameter of the SGR sequences (ESC [ ... m) in `text` (from `capture-pane -e`).
    public static func sgrParameters(_ text: String) -> [Int] {
        var result: [Int] = []
        var rest = Substring(text)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(where: { !("0"..."9").contains($0) && $0 != ";" }) else { break }
            if rest[end] == "m" { result += rest[..<end].split(separator: ";").compactMap { Int($0) } }
            rest = rest[end...]
        }
        return result
    }

    /// Whether `capture-pane -e` shows any foreground or background colour.
    public func showsColour() throws -> Bool {
        let parameters = Self.sgrParameters(try tmux(["capture-pane", "-p", "-e"]))
        return parameters.contains { (30...38).contains($0) || (40...48).contains($0) || (90...107).contains($0) }
    }
}
