import TraceModel
import TraceStore

/// What the live receiver is doing, for the explorer's live line: where it listens and how
/// fast spans arrive.
public struct LiveStatus: Sendable, Equatable {
    /// `grpc 127.0.0.1:4317`, `http 127.0.0.1:4318`.
    public var endpoints: [String]
    /// Spans stored per second, over the last few seconds.
    public var spansPerSecond: Double
    /// Spans stored since the explorer opened.
    public var spansReceived: Int
    /// Requests refused while the store was busy, and failed, since it opened.
    public var refused: Int

    public init(endpoints: [String], spansPerSecond: Double = 0, spansReceived: Int = 0, refused: Int = 0) {
        self.endpoints = endpoints
        self.spansPerSecond = spansPerSecond
        self.spansReceived = spansReceived
        self.refused = refused
    }
}

/// The workspace after spans arrived: its listing, the traces that changed, and what the
/// filter of the moment matches in it (computed off the main thread with the listing).
public struct LiveSnapshot: Sendable {
    public var listing: TraceListing
    /// Traces that got spans since the last snapshot.
    public var changed: Set<TraceID>
    /// The filter the matches are for ("" for none), and per trace id its matched span count;
    /// nil when the filter could not be run in the background (a metrics query).
    public var filterText: String
    public var matches: [TraceID: Int]?

    public init(listing: TraceListing, changed: Set<TraceID>, filterText: String = "", matches: [TraceID: Int]? = nil) {
        self.listing = listing
        self.changed = changed
        self.filterText = filterText
        self.matches = matches
    }
}
