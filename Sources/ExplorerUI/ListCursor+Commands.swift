extension ListCursor {
    /// Does a movement command (down, up, pages, half pages, first, last); false for any
    /// other command. The one place every list-like screen moves its cursor from a key.
    mutating func perform(_ command: Command) -> Bool {
        switch command {
        case .moveDown: move(by: 1)
        case .moveUp: move(by: -1)
        case .pageDown: pageDown()
        case .pageUp: pageUp()
        case .halfPageDown: halfPageDown()
        case .halfPageUp: halfPageUp()
        case .first: home()
        case .last: end()
        default: return false
        }
        return true
    }
}
