import TraceModel

/// How `AnalysisReport` analyses a trace.
public struct AnalysisOptions: Sendable, Hashable {
    /// Use the clock-skew adjusted times for the critical path and durations (raw by default).
    public var adjustSkew: Bool
    /// The largest shift the adjusted view applies (`ClockSkewAdjustment.unlimited` by
    /// default; zero disables adjustment, as Jaeger's default does).
    public var maximumShift: Nanoseconds
    /// Which critical-path definition to follow.
    public var compatibility: CriticalPath.Compatibility

    public init(adjustSkew: Bool = false, maximumShift: Nanoseconds = ClockSkewAdjustment.unlimited,
                compatibility: CriticalPath.Compatibility = .trex) {
        self.adjustSkew = adjustSkew
        self.maximumShift = maximumShift
        self.compatibility = compatibility
    }
}
