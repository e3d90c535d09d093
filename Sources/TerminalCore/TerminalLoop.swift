/// The application loop: read input, let the handler update state, draw a fresh frame, flush it.
///
/// One thread, no async: `run` polls the backend with a finite timeout, so between key reads it can
/// drain the `mailbox` (progress from background work) and redraw. Input arriving together is handled
/// as one batch and drawn once. Below `options.minimumSize` the loop draws its own "terminal too
/// small" screen and ignores keys other than `q`. SIGINT, SIGTERM and SIGHUP (reported as
/// `.interrupt`) are passed to the handler and then always end the loop, whatever it answers.
public final class TerminalLoop<Message: Sendable> {
    /// The terminal.
    public let backend: any Backend
    public var options: LoopOptions
    /// Where background work posts messages; they reach the handler as `.message`.
    public let mailbox = Mailbox<Message>()
    /// How many frames were drawn.
    public private(set) var framesDrawn = 0

    public init(backend: any Backend, options: LoopOptions = LoopOptions()) {
        self.backend = backend
        self.options = options
    }

    /// Runs until the handler answers `.quit` or an interruption arrives.
    ///
    /// `handle` receives every event and returns what happened; `render` draws the current state into
    /// a blank frame of the terminal's size (pure: it must not change state).
    public func run(
        handle: (LoopEvent<Message>) -> LoopAction,
        render: (inout Frame) -> Void
    ) -> LoopExit {
        var needsDraw = true
        while true {
            for message in mailbox.drain() {
                switch handle(.message(message)) {
                case .quit: return .quit
                case .redraw: needsDraw = true
                case .repaint: backend.invalidate(); needsDraw = true
                case .none: break
                }
            }
            if needsDraw {
                draw(render: render)
                needsDraw = false
            }
            guard let first = backend.pollEvent(timeout: options.pollTimeout) else {
                if options.tickWhenIdle, handle(.tick) == .quit { return .quit }
                continue
            }
            var batch = [first]
            while batch.count < options.maxEventsPerFrame, let more = backend.pollEvent(timeout: .zero) {
                batch.append(more)
            }
            for event in batch {
                if case .interrupt(let why) = event {
                    _ = handle(.input(event))
                    return .interrupted(why)
                }
                if case .resize = event { needsDraw = true }
                if case .resumed = event { backend.invalidate(); needsDraw = true }
                if !isLargeEnough, case .key(let key) = event {
                    if key == options.quitKeyWhenTooSmall { return .quit }
                    continue
                }
                // Nothing is drawn to click on while the screen is too small.
                if !isLargeEnough, case .mouse = event { continue }
                switch handle(.input(event)) {
                case .quit: return .quit
                case .redraw: needsDraw = true
                case .repaint: backend.invalidate(); needsDraw = true
                case .none: break
                }
            }
        }
    }

    /// Draws one frame now: the render closure's, or the too-small screen.
    public func draw(render: (inout Frame) -> Void) {
        var frame = Frame(size: backend.size)
        if isLargeEnough {
            render(&frame)
        } else {
            TooSmallScreen(minimum: options.minimumSize, glyphs: backend.capabilities.glyphs).render(in: frame.area, into: &frame.buffer)
            frame.cursor = nil
        }
        backend.draw(frame.buffer, cursor: frame.cursor)
        framesDrawn += 1
    }

    /// Whether the terminal is at least the minimum size.
    public var isLargeEnough: Bool { backend.size.contains(options.minimumSize) }
}
