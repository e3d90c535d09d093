import TraceFormats
import TraceModel

/// Everything a load produced: the spans, and what could not be loaded and why.
public struct LoadOutcome: Sendable {
    /// One input that was read.
    public struct FileResult: Sendable {
        public var path: String
        public var bytes: Int
        /// Nil when the input could not be read or was not a trace file.
        public var report: DecodeReport?
        /// Why nothing was loaded from this input, when that is the case.
        public var failure: String?
        /// A directory entry that is not a trace file (a note, not a failure).
        public var ignored: Bool
    }

    public var table: SpanTable
    public var files: [FileResult]
    /// Paths that could not be opened or walked.
    public var pathProblems: [String]
    public var seconds: Double

    public var spanCount: Int { table.spans.count }
    public var traceCount: Int { table.traces.count }
    public var warnings: [DecodeWarning] { files.flatMap { $0.report?.warnings ?? [] } }
    public var spansSkipped: Int { files.reduce(0) { $0 + ($1.report?.spansSkipped ?? 0) } }
    public var bytesRead: Int { files.reduce(0) { $0 + $1.bytes } }
    public var loadedFiles: [FileResult] { files.filter { $0.report != nil } }
    public var failedFiles: [FileResult] { files.filter { $0.failure != nil && !$0.ignored } }

    /// True when at least one span was loaded.
    public var loadedAnything: Bool { spanCount > 0 }

    /// Every message a user should see on standard error, in input order: paths that could not
    /// be read, inputs that are not traces, and each decode warning.
    public var messages: [String] {
        var lines = pathProblems
        for file in files {
            if let failure = file.failure { lines.append(file.ignored ? "note: \(failure)" : failure) }
            for warning in file.report?.warnings ?? [] { lines.append(warning.description) }
        }
        return lines
    }
}
