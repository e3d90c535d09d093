import TerminalCore

/// The line above the filter bar while Tab completes: the candidates, the one in the text
/// highlighted and kept in view, and how many there are; or what completion says (waiting for
/// a backend, nothing to complete). Names and values come from traces and backends, so they are
/// drawn escaped.
///
///      checkout   checkin   cart                                                   2/3
struct CompletionLine {
    let menu: CompletionMenu?
    let note: String?
    let context: RenderContext

    /// Columns a candidate takes at most; a longer one is cut.
    static let widest = 40

    func render(in area: Rect, into buffer: inout Buffer) {
        guard area.height > 0, area.width > 0 else { return }
        buffer.fill(area, style: context.style(.text))
        let ascii = !context.glyphs.hasEighthBlocks
        if let note {
            // Notes end in an ellipsis while waiting; ASCII terminals get three dots.
            let shown = ascii && note.hasSuffix("…") ? note.dropLast() + "..." : note
            buffer.setTruncated(" " + shown.visiblyEscaped, x: area.x, y: area.y, width: area.width,
                                style: context.style(.dim), ellipsis: ascii ? "~" : "…")
            return
        }
        guard let menu, !menu.candidates.isEmpty else { return }
        let count = menu.selected.map { "\($0 + 1)/\(menu.candidates.count)" } ?? "\(menu.candidates.count) candidates"
        let countWidth = DisplayWidth.of(count) + 2
        let room = max(0, area.width - countWidth)
        let items = menu.candidates.map { candidate in
            " " + candidate.shown.visiblyEscaped.truncated(toWidth: Self.widest, ellipsis: ascii ? "~" : "…") + " "
        }
        let widths = items.map { DisplayWidth.of($0) + 1 }
        let first = Self.firstShown(widths: widths, selected: menu.selected, room: room)
        var x = area.x
        for index in first..<items.count {
            guard x - area.x + widths[index] <= room || index == first else { break }
            let style = index == menu.selected ? context.style(.selection) : context.style(.match)
            x += buffer.setString(items[index], x: x, y: area.y, style: style, maxWidth: room - (x - area.x)) + 1
        }
        buffer.setString(count, x: area.right - countWidth + 1, y: area.y, style: context.style(.dim))
    }

    /// The first candidate drawn: the start, or late enough that the selected one fits. O(n).
    static func firstShown(widths: [Int], selected: Int?, room: Int) -> Int {
        guard let selected else { return 0 }
        var first = 0
        var used = widths[0...selected].reduce(0, +)
        while used > room, first < selected {
            used -= widths[first]
            first += 1
        }
        return first
    }
}
