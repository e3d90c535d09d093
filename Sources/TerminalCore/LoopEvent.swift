/// What the loop hands to the application's handler.
public enum LoopEvent<Message: Sendable>: Sendable {
    /// Input from the terminal.
    case input(InputEvent)
    /// A message posted to the loop's mailbox (progress from background work).
    case message(Message)
    /// A poll timed out (only with `LoopOptions.tickWhenIdle`).
    case tick
}

extension LoopEvent: Equatable where Message: Equatable {}
