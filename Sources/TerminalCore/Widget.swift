/// Something that draws itself into an area of a buffer: ratatui's widget contract.
///
/// Rendering is a pure function of the widget's state: it reads its own fields and writes cells
/// inside `area` only. State that outlives a frame (selection, scroll offset) lives outside.
public protocol Widget {
    /// Draws into `area` of `buffer`.
    func render(in area: Rect, into buffer: inout Buffer)
}

extension Buffer {
    /// Draws `widget` into `area`.
    public mutating func render(_ widget: some Widget, in area: Rect) {
        widget.render(in: area, into: &self)
    }
}
