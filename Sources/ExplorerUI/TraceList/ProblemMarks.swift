import TerminalCore
import TraceModel

/// The trace list's problems column: one slot per kind of problem, always in the same place,
/// so a column of traces reads like `ls -l`'s permissions (`E·M····`: errors and missing
/// spans). Letters, so they read the same in ASCII.
enum ProblemMarks {
    /// The column's width: a slot per problem, and its title with the sort marker.
    static let width = max(TraceProblems.all.count, title.count + 1)
    static let title = "PROBLEMS"

    /// Draws a trace's marks at `x`: the problem's letter in its slot (errors in the origin
    /// role, the rest as warnings), a dim dot where it has none; a dim ellipsis while they are
    /// still being found.
    static func draw(_ problems: TraceProblems?, x: Int, y: Int, context: RenderContext, selected: Bool,
                     into buffer: inout Buffer) {
        func styled(_ role: ThemeRole) -> Style { selected ? context.selected(context.style(role)) : context.style(role) }
        let ascii = !context.glyphs.hasEighthBlocks
        guard let problems else {
            buffer.setTruncated(ascii ? "..." : "…", x: x, y: y, width: width, style: styled(.dim))
            return
        }
        for (slot, problem) in TraceProblems.all.enumerated() {
            let has = problems.contains(problem)
            let text = has ? String(problem.mark) : (ascii ? "." : "·")
            let role: ThemeRole = !has ? .dim : problem == .errorOrigin ? .origin : .warning
            buffer.setTruncated(text, x: x + slot, y: y, width: 1, style: styled(role))
        }
    }

    /// The legend the `?` overlay shows over the trace list: each letter, the name a filter
    /// uses (`trace:problem = "clock-skew"`) and what it means.
    static var legend: [(mark: String, meaning: String)] {
        TraceProblems.all.map { (String($0.mark), "\($0.name): \($0.meaning)") }
            + [("·", "the trace has none of that problem"), ("…", "its problems are still being found")]
    }
}
