/// An in-memory backend for tests: scripted input, recorded frames, resizable on demand.
///
/// Like swift-nio's `EmbeddedChannel`, it makes the loop deterministic: `pollEvent` returns the next
/// scripted step at once (an `.idle` step is a poll that timed out), and when the script runs out it
/// reports `endOfInput` (by default a hang-up, so a loop under test always ends). Each `draw` is
/// recorded with the runs a real backend would have written.
public final class TestBackend: Backend {
    /// One scripted step of input.
    public enum Step: Hashable, Sendable {
        /// The backend reports this event.
        case event(InputEvent)
        /// A poll that times out with nothing to report.
        case idle
        /// The terminal takes this size and reports the resize.
        case resize(Size)
    }

    public private(set) var size: Size
    public var capabilities: TerminalCapabilities
    /// Every frame drawn, oldest first.
    public private(set) var frames: [Buffer] = []
    /// The cursor position requested with each frame.
    public private(set) var cursors: [Point?] = []
    /// For each frame, the runs that differed from what was on the screen (all rows after an invalidation).
    public private(set) var writes: [[CellRun]] = []
    /// How often `invalidate`, `suspend` and `resume` were called.
    public private(set) var invalidations = 0
    public private(set) var suspensions = 0
    public private(set) var resumptions = 0
    /// The timeouts of every poll, in order.
    public private(set) var pollTimeouts: [Duration] = []
    /// What `pollEvent` reports once the script is used up.
    public var endOfInput: InputEvent? = .interrupt(.hangup)

    private var script: [Step]
    private var next = 0
    private var screen: Buffer?

    public init(size: Size, capabilities: TerminalCapabilities = TerminalCapabilities(), script: [Step] = []) {
        self.size = size
        self.capabilities = capabilities
        self.script = script
    }

    /// A backend of `width` x `height`.
    public convenience init(width: Int, height: Int, script: [Step] = []) {
        self.init(size: Size(width: width, height: height), script: script)
    }

    // MARK: - Scripting

    /// Appends steps to the script.
    public func enqueue(_ steps: [Step]) { script.append(contentsOf: steps) }

    /// Appends key presses.
    public func press(_ keys: Key...) { script.append(contentsOf: keys.map { .event(.key($0)) }) }

    /// Appends one key press per character of `text`.
    public func type(_ text: String) { script.append(contentsOf: text.map { .event(.key(.char($0))) }) }

    /// The last frame drawn.
    public var lastFrame: Buffer? { frames.last }

    /// The last frame as text (`Buffer.text`), or "" before the first draw.
    public var screenText: String { frames.last?.text ?? "" }

    // MARK: - Backend

    public func draw(_ buffer: Buffer, cursor: Point?) {
        writes.append(buffer.changes(from: screen))
        screen = buffer
        frames.append(buffer)
        cursors.append(cursor)
    }

    public func pollEvent(timeout: Duration) -> InputEvent? {
        pollTimeouts.append(timeout)
        guard next < script.count else { return endOfInput }
        let step = script[next]
        next += 1
        switch step {
        case .event(let event):
            return event
        case .idle:
            return nil
        case .resize(let newSize):
            size = newSize
            return .resize(newSize)
        }
    }

    public func invalidate() {
        invalidations += 1
        screen = nil
    }

    public func suspend() { suspensions += 1 }

    public func resume() {
        resumptions += 1
        invalidate()
    }

    /// Text copied with `copyToClipboard`, oldest first.
    public private(set) var clipboard: [String] = []

    public func copyToClipboard(_ text: String) { clipboard.append(text) }
}
