/// Fitting text into a number of terminal columns, by display width.
extension StringProtocol {
    /// The longest prefix whose display width is at most `width` columns, and that width. O(n).
    ///
    /// A wide character that would straddle the limit is left out, so the result may be one column
    /// narrower than `width`.
    public func prefix(fittingWidth width: Int) -> (text: SubSequence, width: Int) {
        guard width > 0 else { return (self[startIndex..<startIndex], 0) }
        var used = 0
        var end = startIndex
        for index in indices {
            let w = DisplayWidth.of(self[index])
            if used + w > width { break }
            used += w
            end = self.index(after: index)
        }
        return (self[startIndex..<end], used)
    }

    /// The longest suffix whose display width is at most `width` columns, and that width. O(n).
    public func suffix(fittingWidth width: Int) -> (text: SubSequence, width: Int) {
        guard width > 0 else { return (self[endIndex..<endIndex], 0) }
        var used = 0
        var start = endIndex
        while start > startIndex {
            let previous = index(before: start)
            let w = DisplayWidth.of(self[previous])
            if used + w > width { break }
            used += w
            start = previous
        }
        return (self[start..<endIndex], used)
    }

    /// The text cut to at most `width` columns, ending in `ellipsis` when something was cut. O(n).
    ///
    /// `position` chooses where the cut is: `.end` keeps the beginning ("checkout-serv…"),
    /// `.middle` both ends ("/var/lo…/trace.json"), `.start` the end ("…ice/payments").
    /// When even the ellipsis does not fit, the ellipsis is cut instead.
    public func truncated(toWidth width: Int, ellipsis: String = "…", position: TruncationPosition = .end) -> String {
        guard width > 0 else { return "" }
        if displayWidth <= width { return String(self) }
        let ellipsisWidth = ellipsis.displayWidth
        guard ellipsisWidth < width else { return String(ellipsis.prefix(fittingWidth: width).text) }
        let room = width - ellipsisWidth
        switch position {
        case .end:
            return String(prefix(fittingWidth: room).text) + ellipsis
        case .start:
            return ellipsis + String(suffix(fittingWidth: room).text)
        case .middle:
            let head = prefix(fittingWidth: (room + 1) / 2)
            let tail = suffix(fittingWidth: room - head.width)
            return String(head.text) + ellipsis + String(tail.text)
        }
    }
}

/// Where `truncated(toWidth:ellipsis:position:)` removes text.
public enum TruncationPosition: Hashable, Sendable {
    case start, middle, end
}
