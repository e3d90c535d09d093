/// Drawing helpers: strings with clipping and ellipsis, styled spans, fills, style patches, borders.
extension Buffer {
    // MARK: - Text

    /// Writes `text` from (`x`, `y`) rightwards, clipped at `maxWidth` columns and at the edge.
    ///
    /// Returns the columns written. A wide character that would straddle the limit is not drawn.
    /// Control and bidi formatting characters (tabs too) are drawn as visible escapes. O(n).
    @discardableResult
    public mutating func setString<S: StringProtocol>(_ text: S, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        let end = min(maxWidth.map { x + max(0, $0) } ?? width, width)
        var column = x
        for character in text {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if column + w > end { break }
            // A doubled backslash (`doublesBackslashes`) takes one column more than its width.
            column += column >= 0 ? max(w, set(character, x: column, y: y, style: style)) : w
        }
        return column - x
    }

    /// Writes `text` into a field of `width` columns at (`x`, `y`), cut with `ellipsis` when too long.
    ///
    /// With `pad` the rest of the field is blanked in `style` (handy for rows with a background).
    /// Returns the columns the text took. O(n).
    @discardableResult
    public mutating func setTruncated<S: StringProtocol>(
        _ text: S, x: Int, y: Int, width: Int, style: Style = .plain,
        ellipsis: String = "…", position: TruncationPosition = .end,
        alignment: Alignment = .left, pad: Bool = false
    ) -> Int {
        guard width > 0 else { return 0 }
        let fitted = text.truncated(toWidth: width, ellipsis: ellipsis, position: position)
        let textWidth = fitted.displayWidth
        let offset: Int
        switch alignment {
        case .left: offset = 0
        case .center: offset = (width - textWidth) / 2
        case .right: offset = width - textWidth
        }
        if pad { fill(Rect(x: x, y: y, width: width, height: 1), style: style) }
        return setString(fitted, x: x + offset, y: y, style: style, maxWidth: width - offset)
    }

    /// Writes styled spans one after another in a field of `width` columns, cutting the line with
    /// `ellipsis` (in the style of the span being cut) when it is too long. Returns the columns written. O(n).
    @discardableResult
    public mutating func setSpans(_ spans: [Span], x: Int, y: Int, width: Int, ellipsis: String = "…") -> Int {
        guard width > 0 else { return 0 }
        let total = spans.reduce(0) { $0 + $1.width }
        if total <= width {
            var column = x
            for span in spans { column += setString(span.text, x: column, y: y, style: span.style, maxWidth: x + width - column) }
            return column - x
        }
        let ellipsisWidth = min(ellipsis.displayWidth, width)
        var room = width - ellipsisWidth
        var column = x
        for span in spans {
            if span.width <= room {
                column += setString(span.text, x: column, y: y, style: span.style)
                room -= span.width
                continue
            }
            let cut = span.text.prefix(fittingWidth: room)
            column += setString(cut.text, x: column, y: y, style: span.style)
            column += setString(ellipsis, x: column, y: y, style: span.style, maxWidth: ellipsisWidth)
            break
        }
        return column - x
    }

    // MARK: - Areas

    /// Fills `rect` (clipped to the grid) with `character` in `style`. O(area).
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain) {
        let area = rect.intersection(self.area)
        guard !area.isEmpty else { return }
        let step = max(1, DisplayWidth.of(character))
        for y in area.top..<area.bottom {
            var x = area.left
            while x + step <= area.right {
                set(character, x: x, y: y, style: style)
                x += step
            }
            if x < area.right { put(.blank(style), x: x, y: y) }
        }
    }

    /// Replaces the style of every cell in `rect`, keeping the characters. O(area).
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        updateStyle(in: rect) { $0 = style }
    }

    /// Applies `change` to the style of every cell in `rect` (e.g. reverse a selected row). O(area).
    public mutating func updateStyle(in rect: Rect, _ change: (inout Style) -> Void) {
        let area = rect.intersection(self.area)
        guard !area.isEmpty else { return }
        for y in area.top..<area.bottom {
            for x in area.left..<area.right where !self[x, y].isContinuation || x == area.left {
                updateStyle(x: x, y: y, change)
            }
        }
    }

    /// Draws a one-cell border just inside `rect` with the glyphs' line characters, and a title
    /// on the top edge. Returns the inner rectangle.
    @discardableResult
    public mutating func drawBorder(_ rect: Rect, glyphs: Glyphs, style: Style = .plain, title: String? = nil) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let top = rect.top, bottom = rect.bottom - 1, left = rect.left, right = rect.right - 1
        for x in (left + 1)..<right {
            setString(glyphs.horizontal, x: x, y: top, style: style, maxWidth: 1)
            setString(glyphs.horizontal, x: x, y: bottom, style: style, maxWidth: 1)
        }
        for y in (top + 1)..<bottom {
            setString(glyphs.vertical, x: left, y: y, style: style, maxWidth: 1)
            setString(glyphs.vertical, x: right, y: y, style: style, maxWidth: 1)
        }
        setString(glyphs.topLeft, x: left, y: top, style: style, maxWidth: 1)
        setString(glyphs.topRight, x: right, y: top, style: style, maxWidth: 1)
        setString(glyphs.bottomLeft, x: left, y: bottom, style: style, maxWidth: 1)
        setString(glyphs.bottomRight, x: right, y: bottom, style: style, maxWidth: 1)
        if let title, rect.width > 4 {
            setTruncated(" \(title) ", x: left + 1, y: top, width: rect.width - 2, style: style, ellipsis: glyphs.ellipsis)
        }
        return rect.inset(by: Margin(all: 1))
    }
}
