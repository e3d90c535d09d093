/// Settings of the terminal loop.
public struct LoopOptions: Sendable {
    /// Below this size the loop shows "terminal too small" instead of the application.
    public var minimumSize: Size
    /// How long one key read waits; the mailbox is checked at least this often (100-250 ms).
    public var pollTimeout: Duration
    /// At most this many pending events are handled before a frame is drawn.
    public var maxEventsPerFrame: Int
    /// Whether the handler gets `.tick` after every poll that timed out (for spinners, clocks).
    public var tickWhenIdle: Bool
    /// The key that quits while the terminal is too small.
    public var quitKeyWhenTooSmall: Key

    public init(
        minimumSize: Size = Size(width: 60, height: 15),
        pollTimeout: Duration = .milliseconds(100),
        maxEventsPerFrame: Int = 64,
        tickWhenIdle: Bool = false,
        quitKeyWhenTooSmall: Key = .char("q")
    ) {
        self.minimumSize = minimumSize
        self.pollTimeout = pollTimeout
        self.maxEventsPerFrame = max(1, maxEventsPerFrame)
        self.tickWhenIdle = tickWhenIdle
        self.quitKeyWhenTooSmall = quitKeyWhenTooSmall
    }
}
