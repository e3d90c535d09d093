import TraceModel
import TraceQuery
import TraceStore
import TraceWorkspace

/// What background work tells the explorer (through the loop's mailbox).
public enum AppMessage: Sendable {
    /// Loading has got this far.
    case progress(LoadProgress)
    /// Loading finished: the workspace, its trace listing (summaries), and the messages about
    /// what was skipped.
    case loaded(Workspace, TraceListing, LoadReport)
    /// The background problem scan found more traces' problems (`ProblemScan`).
    case problemsFound
    /// Live: spans arrived (`LiveTraceFeed`).
    case liveTraces(LiveSnapshot)
    /// Live: the receiver's endpoints and rate, every second.
    case liveStatus(LiveStatus)
    /// A backend search moved on: a page arrived, it ended or failed, or the spinner turned
    /// (`RemoteSearchFeed`).
    case remoteSearch(RemoteSearchUpdate)
    /// The filter's completion: the field names (the local sample's first, then with the
    /// backends'), and a field's values asked for by a Tab (`CompletionLookup`).
    case completionNames(FilterVocabulary)
    case completionValues(FieldValues)
}

/// What the user should know about a load, kept for the status line and printed after exit.
public struct LoadReport: Sendable {
    /// Short names of the inputs, for the status line.
    public var sources: [String]
    /// Every warning and failure, one per line (what `trex list` prints on standard error).
    public var messages: [String]
    public var spansSkipped: Int
    public var seconds: Double

    public init(sources: [String], messages: [String], spansSkipped: Int, seconds: Double) {
        self.sources = sources
        self.messages = messages
        self.spansSkipped = spansSkipped
        self.seconds = seconds
    }
}
