import TerminalCore
import TraceFormats
import TraceModel

/// The raw OTLP JSON of the selected span, or of the whole trace (Tab switches), over the
/// waterfall: scrolled with the movement keys, searched with `/` (n for the next match), copied
/// whole with `y`, closed with Esc or q. What `trex show --json` writes, so a user can see
/// exactly what the file said.
struct RawJSON: Sendable {
    enum Scope: Sendable { case span, trace }

    let scope: Scope
    let lines: [String]
    let text: String
    var top = 0
    /// The search text and the line of the current match.
    var search = ""
    var match: Int?

    /// The span `local` of `trace` alone, or the whole trace, as pretty OTLP JSON.
    init(_ scope: Scope, span local: Int, of trace: Trace) {
        self.scope = scope
        let table = trace.table
        let bytes: [UInt8]
        switch scope {
        case .span:
            var builder = SpanTableBuilder()
            builder.copy(trace[local], from: table)
            bytes = OTLPJSONEncoder.encode(builder.finish(), pretty: true)
        case .trace:
            bytes = OTLPJSONEncoder.encode(table, traces: [trace.index], pretty: true)
        }
        text = String(decoding: bytes, as: UTF8.self)
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    mutating func scroll(by delta: Int, page: Int) {
        top = max(0, min(top + delta, max(0, lines.count - page)))
    }

    /// Moves to the next line (after the current match, wrapping) holding `search`, any case;
    /// false when no line does.
    mutating func findNext(page: Int) -> Bool {
        guard !search.isEmpty else { return false }
        let needle = search.lowercased()
        let start = (match ?? (top - 1)) + 1
        for step in 0..<lines.count {
            let i = (start + step) % lines.count
            if lines[i].lowercased().contains(needle) {
                match = i
                top = max(0, min(i - page / 3, max(0, lines.count - page)))
                return true
            }
        }
        return false
    }
}

/// Draws `RawJSON` in a box over the waterfall.
struct RawJSONView {
    let raw: RawJSON
    let context: RenderContext

    func render(in area: Rect, into buffer: inout Buffer) {
        guard area.width >= 20, area.height >= 4 else { return }
        buffer.fill(area, style: context.style(.text))
        let what = raw.scope == .span ? "this span" : "the whole trace"
        let inner = buffer.drawBorder(area, glyphs: context.glyphs, style: context.style(.selection),
                                      title: " OTLP JSON of \(what) · Tab: \(raw.scope == .span ? "the trace" : "the span") · / search · y copy ")
        for r in 0..<inner.height {
            let i = raw.top + r
            guard i < raw.lines.count else { break }
            let style = i == raw.match ? context.style(.match) : context.style(.text)
            buffer.setString(raw.lines[i], x: inner.x + 1, y: inner.y + r, style: style, maxWidth: inner.width - 1)
        }
    }
}
