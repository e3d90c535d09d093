/// What the mouse did, at which cell: the actions a terminal program reacts to.
///
/// The backend turns the terminal's reports into these (a second click on the same cell soon
/// after the first is a double click, `ClickCounter`); the left button's release is reported
/// (a press here and a release there is a drag), motion is not.
public struct MouseEvent: Hashable, Sendable {
    public enum Action: Hashable, Sendable {
        /// The left button pressed.
        case click
        /// The left button pressed a second time on the same cell within `ClickCounter.interval`.
        case doubleClick
        /// The left button released (after a click, or where a drag ended).
        case release
        /// The right button pressed.
        case rightClick
        /// The wheel turned away from the user (scroll up).
        case wheelUp
        /// The wheel turned towards the user (scroll down).
        case wheelDown
    }

    public var action: Action
    /// The cell, 0-based from the top left.
    public var position: Point

    public init(_ action: Action, at position: Point) {
        self.action = action
        self.position = position
    }
}

/// Tells a double click from two clicks: the second press of the left button on the same cell
/// within `interval` of the first. A third press starts again (a new click).
public struct ClickCounter: Sendable {
    /// The longest time between the two presses of a double click.
    public static let interval: Duration = .milliseconds(400)

    private var last: (position: Point, time: ContinuousClock.Instant)?

    public init() {}

    /// `.click` or `.doubleClick` for a left-button press at `position` at `time`.
    public mutating func classify(pressAt position: Point, time: ContinuousClock.Instant) -> MouseEvent.Action {
        if let last, last.position == position, time - last.time <= Self.interval, time >= last.time {
            self.last = nil
            return .doubleClick
        }
        last = (position, time)
        return .click
    }
}
