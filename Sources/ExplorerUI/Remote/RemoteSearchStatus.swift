import TraceModel
import TraceStore

/// Where the searches of the workspace's backends stand, for the list's search line: running
/// (with the traces found so far), done (what each backend searched), or failed.
public struct RemoteSearchStatus: Sendable, Equatable {
    /// The backends searched: `Jaeger`, `Tempo`.
    public var backends: [String]
    /// The filter searched for ("" for none).
    public var filterText = ""
    public var running = false
    /// Traces the running or last search found so far, over every backend.
    public var found = 0
    /// Seconds since the search started (the spinner's frame comes from it).
    public var seconds = 0.0
    /// Each backend's finished search.
    public var outcomes: [SearchOutcome] = []
    /// Each backend that failed: what was asked and what came back.
    public var failures: [String] = []
    /// The last search was stopped before it ended (a newer filter, Esc).
    public var cancelled = false

    public init(backends: [String]) {
        self.backends = backends
    }

    /// A frame of the braille spinner (ASCII: `|/-\`), a tenth of a second each.
    func spinner(ascii: Bool) -> String {
        let frames = ascii ? ["|", "/", "-", "\\"] : ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
        return frames[Int(seconds * 10) % frames.count]
    }
}

/// A search's step: the status, and when traces arrived, the workspace's listing read again
/// with the filter's matches (as `LiveSnapshot`, which the list takes the same way).
public struct RemoteSearchUpdate: Sendable {
    public var status: RemoteSearchStatus
    public var snapshot: LiveSnapshot?
    /// A trace asked for by id (`#`) was looked for: the id, and what went wrong (nil when it
    /// was found).
    public var fetched: FetchedTrace?
}

/// The end of a fetch by id: the trace, or why it is not there.
public struct FetchedTrace: Sendable {
    public var id: TraceID
    public var failure: String?
}
