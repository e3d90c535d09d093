import TerminalCore
import TraceModel

/// The one status line `trex import` keeps updating on a terminal (standard error):
///
///     importing 3/10 files · 45.2 MB · 1,204,331 spans · 210,000 spans/s · collector/part-3.json
///
/// A class so the loader's progress callback can draw it too; used from one thread only.
final class ImportProgressLine: @unchecked Sendable {
    /// Only draws when standard error is a terminal.
    let enabled: Bool
    private let started = ContinuousClock.now
    private var lastDraw: ContinuousClock.Instant?

    init(enabled: Bool) { self.enabled = enabled }

    /// Redraws the line, at most ten times a second unless `force`. `filesTotal` 0 leaves out
    /// the files and bytes (generated input).
    func draw(filesDone: Int, filesTotal: Int, bytes: Int, spans: Int, current: String, force: Bool = false) {
        guard enabled else { return }
        let now = ContinuousClock.now
        if !force, let lastDraw, now - lastDraw < .milliseconds(100) { return }
        lastDraw = now
        let seconds = Self.seconds(now - started)
        var parts = ["importing"]
        if filesTotal > 0 { parts.append("\(filesDone)/\(filesTotal) files · \(NumberFormat.bytes(bytes)) ·") }
        parts.append("\(NumberFormat.grouped(spans)) spans")
        if seconds > 0.2 { parts.append("· \(NumberFormat.grouped(Int(Double(spans) / seconds))) spans/s") }
        if !current.isEmpty { parts.append("· " + current.visiblyEscaped) }
        var line = parts.joined(separator: " ")
        let width = max(20, FileHandleOutput.terminalWidth - 1)
        if line.count > width { line = String(line.prefix(width - 1)) + "…" }
        FileHandleOutput.standardErrorRaw("\r\u{1B}[K" + line)
    }

    /// Removes the line before a message or the summary is printed.
    func clear() {
        if enabled { FileHandleOutput.standardErrorRaw("\r\u{1B}[K") }
    }

    var elapsedSeconds: Double { Self.seconds(ContinuousClock.now - started) }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
