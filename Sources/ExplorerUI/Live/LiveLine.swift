import TerminalCore
import TraceModel

/// The trace list's live line (`trex --listen`): where the receiver listens, how fast spans
/// arrive, the "12 new" marker and whether the selection follows arrivals.
///
///     ● LIVE grpc 127.0.0.1:4317 · http 127.0.0.1:4318 · 1,240 spans/s · 52,113 received   12 new (n)   f follows
struct LiveLine {
    let live: LiveState
    let context: RenderContext

    func render(in area: Rect, into buffer: inout Buffer) {
        guard area.height > 0 else { return }
        let status = live.status
        var spans: [TerminalCore.Span] = [
            TerminalCore.Span(context.glyphs.hasEighthBlocks ? " ● LIVE " : " * LIVE ", style: context.style(.match)),
            TerminalCore.Span(status.endpoints.joined(separator: " · "), style: context.style(.text)),
            TerminalCore.Span(" · " + Self.rate(status) + " · " + NumberFormat.grouped(status.spansReceived) + " received",
                 style: context.style(.dim)),
        ]
        if status.refused > 0 {
            spans.append(TerminalCore.Span(" · \(NumberFormat.grouped(status.refused)) refused", style: context.style(.warning)))
        }
        if !live.unseen.isEmpty {
            spans.append(TerminalCore.Span("   \(NumberFormat.grouped(live.unseen.count)) new", style: context.style(.title)))
            spans.append(TerminalCore.Span(" (n)", style: context.style(.dim)))
        }
        spans.append(TerminalCore.Span(live.following ? "   following (f stops)" : "   f follows", style: context.style(.dim)))
        _ = buffer.setSpans(spans, x: area.x, y: area.y, width: area.width)
    }

    /// `1,240 spans/s`, `0 spans/s`.
    static func rate(_ status: LiveStatus) -> String {
        "\(NumberFormat.grouped(Int(status.spansPerSecond.rounded()))) spans/s"
    }

    /// For the waterfall's status line: `live 1,240 spans/s`.
    static func compact(_ live: LiveState) -> String {
        "live " + rate(live.status)
    }
}
