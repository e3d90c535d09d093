import TerminalCore

/// The `?` overlay: every key of the current screen, generated from its keymap, then the
/// filter bar's and the overlay's own keys (`Keymaps.filterBar`, `Keymaps.help`).
struct HelpOverlay {
    let keymap: Keymap
    var scroll = 0

    /// The overlay's lines: section titles, then "keys  what they do".
    var lines: [(keys: String, text: String, isTitle: Bool)] {
        var out: [(String, String, Bool)] = []
        for map in [keymap, Keymaps.filterBar, Keymaps.help] {
            for section in map.sections {
                if !out.isEmpty { out.append(("", "", false)) }
                out.append((map.name == keymap.name ? section.title : "\(map.name): \(section.title)", "", true))
                for binding in section.bindings { out.append((binding.keyText, binding.command.summary, false)) }
            }
            if map.name == keymap.name, let legend = map.legend {
                out.append(("", "", false))
                out.append((legend.title, "", true))
                for entry in legend.entries { out.append((entry.mark, entry.meaning, false)) }
            }
            if map.name == keymap.name {
                out.append(("", "", false))
                out.append(("Mouse (off with --no-mouse)", "", true))
                for (what, does) in Self.mouse { out.append((what, does, false)) }
            }
        }
        return out
    }

    /// What the mouse does, on every screen.
    static let mouse: [(String, String)] = [
        ("wheel", "scroll the list or pane under the pointer"),
        ("click", "select a row or an entry; over the help, outside it closes it"),
        ("double click", "open a trace, fold a span, open a leaf's detail, go to an entry's span"),
        ("drag", "on the latency plot: a rectangle (a double click in it lists its traces)"),
    ]

    static func keyWidth(_ lines: [(keys: String, text: String, isTitle: Bool)]) -> Int {
        min(24, (lines.filter { !$0.isTitle }.map { DisplayWidth.of($0.keys) }.max() ?? 8) + 2)
    }

    /// The overlay's box in `area`: as wide as its longest line allows.
    func box(in area: Rect) -> Rect {
        let lines = self.lines
        let longest = lines.filter { !$0.isTitle }.map { DisplayWidth.of($0.text) }.max() ?? 0
        // Borders, margins and the gap after the keys: 5 columns beside the keys and the text.
        let width = min(area.width - 4, max(60, Self.keyWidth(lines) + longest + 5))
        return area.centered(Size(width: width, height: bodyHeight(in: area) + 3))
    }

    /// Rows of entries the overlay shows at once in `area`: its box less the border and the
    /// footer line.
    func bodyHeight(in area: Rect) -> Int { max(1, min(area.height - 2, lines.count + 4) - 3) }

    mutating func scroll(by delta: Int, visible: Int) {
        scroll = max(0, min(scroll + delta, max(0, lines.count - visible)))
    }

    func render(in area: Rect, into buffer: inout Buffer, context: RenderContext) {
        let lines = self.lines
        let keyWidth = Self.keyWidth(lines)
        let box = self.box(in: area)
        buffer.fill(box, style: context.style(.text))
        let inner = buffer.drawBorder(box, glyphs: context.glyphs, style: context.style(.border),
                                      title: " Keys: \(keymap.name) ")
        let body = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height - 1)
        for row in 0..<body.height {
            let index = scroll + row
            guard index < lines.count else { break }
            let line = lines[index]
            if line.isTitle {
                buffer.setTruncated(line.keys, x: body.x, y: body.y + row, width: body.width, style: context.style(.title))
            } else {
                buffer.setTruncated(line.keys, x: body.x + 1, y: body.y + row, width: keyWidth, style: context.style(.match))
                buffer.setTruncated(line.text, x: body.x + 1 + keyWidth, y: body.y + row,
                                    width: body.width - keyWidth - 1, style: context.style(.text))
            }
        }
        let more = lines.count > body.height ? "  j/k scroll" : ""
        buffer.setTruncated("Esc or ? closes" + more, x: body.x, y: inner.bottom - 1, width: body.width,
                            style: context.style(.dim), alignment: .right)
    }
}
