#if canImport(Glibc)
import Glibc
#endif
import NcursesBackend
import TerminalCore

/// What the demo shows: the keys received and the events seen.
final class DemoState {
    let warnings: [String]
    let pid: Int
    var lastKey = "none"
    var keyCount = 0
    var resizes = 0
    var resumes = 0

    init(warnings: [String], pid: Int) {
        self.warnings = warnings
        self.pid = pid
    }

    /// Updates the state for one event; q quits, X crashes, F restores and then crashes.
    func handle(_ event: LoopEvent<String>) -> LoopAction {
        guard case .input(let input) = event else { return .none }
        switch input {
        case .key(.char("q")):
            return .quit
        case .key(.char("X")):
            fatalError("demo crash requested with X")
        case .key(.char("F")):
            TerminalRestore.now()
            fatalError("demo crash requested with F, after restoring the terminal")
        case .key(.ctrl("l")):
            return .repaint
        case .key(let key):
            lastKey = key.description
            keyCount += 1
            return .redraw
        case .resize:
            resizes += 1
            return .redraw
        case .resumed:
            resumes += 1
            return .redraw
        case .mouse(let mouse):
            lastKey = "mouse \(mouse.action) at \(mouse.position.x),\(mouse.position.y)"
            return .redraw
        case .interrupt:
            return .quit
        }
    }
}
