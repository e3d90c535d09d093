import Foundation
import TerminalCore
import TraceAnalysis

/// Draws a `ServiceMapLayout` into a buffer: the lines first (each cell's box-drawing
/// character from every direction any line leaves it by, so corners, joins and crossings come
/// out right), then labels and arrows, then the boxes on top. The selected service's boxes and
/// edges are in the selection and match roles; errors on an edge's label in the error role.
/// Everything is shifted by `origin` (the scroll) and clipped to `area`.
struct ServiceMapDrawing {
    let layout: ServiceMapLayout
    let context: RenderContext
    /// The selected service, whose edges are highlighted.
    var selected: Int?
    /// The chosen call (an edge index), drawn brighter still.
    var chosen: Int?
    /// The canvas position shown at the area's top-left corner.
    var origin = (x: 0, y: 0)

    func render(in area: Rect, into buffer: inout Buffer) {
        let ascii = !context.glyphs.hasEighthBlocks
        var directions: [Int: ServiceMapLayout.Directions] = [:]   // y * width + x
        var highlighted = Set<Int>()
        let width = max(1, layout.size.width + 2)
        for path in layout.paths {
            let edge = layout.graph.edges[path.edge]
            let lit = selected.map { edge.from == $0 || edge.to == $0 } ?? false || path.edge == chosen
            for cell in path.cells {
                let key = cell.y * width + cell.x
                directions[key, default: []].formUnion(cell.directions)
                if lit { highlighted.insert(key) }
            }
        }
        func put(_ text: String, x: Int, y: Int, style: Style) {
            let sx = area.x + x - origin.x, sy = area.y + y - origin.y
            guard sy >= area.y, sy < area.bottom else { return }
            var cx = sx
            for character in text {
                let w = max(1, DisplayWidth.of(character))
                if cx >= area.x, cx + w <= area.right { _ = buffer.set(character, x: cx, y: sy, style: style) }
                cx += w
            }
        }
        let line = context.style(.dim), lit = context.style(.match)
        for (key, d) in directions {
            put(String(Self.glyph(d, ascii: ascii)), x: key % width, y: key / width, style: highlighted.contains(key) ? lit : line)
        }
        for path in layout.paths {
            let edge = layout.graph.edges[path.edge]
            let isLit = selected.map { edge.from == $0 || edge.to == $0 } ?? false
            let style = isLit ? lit : line
            put(path.arrow.pointsLeft ? (ascii ? "<" : "◀") : (ascii ? ">" : "▶"), x: path.arrow.x, y: path.arrow.y, style: style)
            var labelStyle = edge.errors > 0 ? context.style(.error) : (isLit ? lit : context.style(.text))
            if path.edge == chosen { labelStyle = context.selected(labelStyle) }
            put(path.label.text, x: path.label.x, y: path.label.y, style: labelStyle)
        }
        for box in layout.boxes {
            let name = layout.graph.services[box.service]
            let isSelected = box.service == selected
            let frame = isSelected ? context.style(.match) : context.style(.border)
            let r = box.rect
            let (h, v) = ascii ? ("-", "|") : ("─", "│")
            let corners = ascii ? ["+", "+", "+", "+"] : isSelected ? ["┏", "┓", "┗", "┛"] : ["┌", "┐", "└", "┘"]
            let hs = isSelected && !ascii ? "━" : h, vs = isSelected && !ascii ? "┃" : v
            put(corners[0] + String(repeating: hs, count: r.width - 2) + corners[1], x: r.x, y: r.y, style: frame)
            for row in 1..<(r.height - 1) {
                put(vs + String(repeating: " ", count: r.width - 2) + vs, x: r.x, y: r.y + row, style: frame)
            }
            put(corners[2] + String(repeating: hs, count: r.width - 2) + corners[3], x: r.x, y: r.bottom - 1, style: frame)
            let shown = Self.cut(name.visiblyEscaped, to: r.width - 4)
            let style = isSelected ? context.selected(context.service(name)) : context.service(name)
            put(shown, x: r.x + 2, y: r.y + (r.height - 1) / 2, style: style)
        }
    }

    /// The box-drawing character for the directions a line leaves a cell by.
    static func glyph(_ d: ServiceMapLayout.Directions, ascii: Bool) -> Character {
        let horizontal = d.contains(.left) || d.contains(.right)
        let vertical = d.contains(.up) || d.contains(.down)
        if ascii { return horizontal && vertical ? "+" : vertical ? "|" : "-" }
        switch (d.contains(.up), d.contains(.down), d.contains(.left), d.contains(.right)) {
        case (false, false, _, _): return "─"
        case (_, _, false, false): return "│"
        case (false, true, false, true): return "┌"
        case (false, true, true, false): return "┐"
        case (true, false, false, true): return "└"
        case (true, false, true, false): return "┘"
        case (true, true, false, true): return "├"
        case (true, true, true, false): return "┤"
        case (false, true, true, true): return "┬"
        case (true, false, true, true): return "┴"
        default: return "┼"
        }
    }

    /// A name cut to `width` columns with an ellipsis.
    static func cut(_ text: String, to width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        var out = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }
}

/// The service map as plain text (`trex deps --graph`): the same layout, drawn without colour.
public enum ServiceMapText {
    public static func lines(_ graph: ServiceGraph, ascii: Bool = false) -> [String] {
        let layout = ServiceMapLayout(graph, ascii: ascii)
        guard layout.size.width > 0 else { return [] }
        var buffer = Buffer(size: Size(width: layout.size.width, height: layout.size.height))
        let capabilities = TerminalCapabilities(colorMode: .none, isUTF8: !ascii, terminalName: "text")
        let context = RenderContext(theme: .standard, capabilities: capabilities)
        ServiceMapDrawing(layout: layout, context: context)
            .render(in: Rect(x: 0, y: 0, width: layout.size.width, height: layout.size.height), into: &buffer)
        return (0..<layout.size.height).map { buffer.lineText($0).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
    }

    /// The graph in Graphviz's DOT language, left to right, for rendering elsewhere.
    public static func dot(_ graph: ServiceGraph) -> String {
        // DOT's strings escape as the query language's do.
        func quoted(_ s: String) -> String { DependencyGraph.queryLiteral(s.visiblyEscaped) }
        var lines = ["digraph services {", "  rankdir=LR;", "  node [shape=box];"]
        for name in graph.services { lines.append("  \(quoted(name));") }
        for e in graph.edges {
            let label = ServiceGraph.label(e, ascii: true)
            lines.append("  \(quoted(graph.services[e.from])) -> \(quoted(graph.services[e.to])) [label=\(quoted(label))"
                         + (e.errors > 0 ? ", color=red" : "") + "];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}
