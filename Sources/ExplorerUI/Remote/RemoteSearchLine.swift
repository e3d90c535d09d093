import TerminalCore
import TraceModel

/// The trace list's search line (`trex --source`): the search running, with a spinner and the
/// traces found so far; what each backend searched once it is done; or what failed.
///
///     ⠹ Searching Jaeger for service.name = "checkout" · 120 traces so far · 1.2 s   Esc stops
///     Jaeger searched service and duration; trex filtered the rest · 200 traces in 1.4 s
///     ✗ Jaeger: GET http://jaeger:16686/api/traces?service=checkout&…: HTTP 503: no healthy upstream
struct RemoteSearchLine {
    let status: RemoteSearchStatus
    let context: RenderContext

    func render(in area: Rect, into buffer: inout Buffer) {
        guard area.height > 0 else { return }
        _ = buffer.setSpans(spans, x: area.x, y: area.y, width: area.width)
    }

    var spans: [TerminalCore.Span] {
        let ascii = !context.glyphs.hasEighthBlocks
        let took = " · " + Self.seconds(status.seconds)
        if status.running {
            let what = status.filterText.isEmpty ? "" : " for " + status.filterText.visiblyEscaped
            return [
                TerminalCore.Span(" " + status.spinner(ascii: ascii) + " ", style: context.style(.match)),
                TerminalCore.Span("Searching " + status.backends.joined(separator: ", ") + what, style: context.style(.text)),
                TerminalCore.Span(" · " + NumberFormat.count(status.found, "trace") + " so far" + took, style: context.style(.dim)),
                TerminalCore.Span("   Esc stops", style: context.style(.dim)),
            ]
        }
        if let failure = status.failures.first {
            let more = status.failures.count > 1 ? " (+\(status.failures.count - 1) more)" : ""
            return [TerminalCore.Span((ascii ? " x " : " ✗ ") + failure.visiblyEscaped + more, style: context.style(.error))]
        }
        if status.cancelled {
            return [TerminalCore.Span(" Search stopped: " + NumberFormat.count(status.found, "trace") + " found before it was"
                                      + took + " (/ searches again)", style: context.style(.warning))]
        }
        var spans: [TerminalCore.Span] = []
        for outcome in status.outcomes {
            let style = context.style(outcome.unreachable == nil ? .text : .warning)
            spans.append(TerminalCore.Span(" " + outcome.sentence, style: style))
            if outcome.unreachable == nil {
                spans.append(TerminalCore.Span(" · " + NumberFormat.count(outcome.found, "trace") + " found", style: context.style(.dim)))
            }
        }
        if !spans.isEmpty { spans.append(TerminalCore.Span(took, style: context.style(.dim))) }
        return spans
    }

    /// `0.4 s`, `12 s`.
    static func seconds(_ s: Double) -> String {
        s < 10 ? String(format: "%.1f s", s) : "\(Int(s.rounded())) s"
    }
}
