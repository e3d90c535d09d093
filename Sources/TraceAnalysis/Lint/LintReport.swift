import TraceModel

/// What `trex lint` found: every finding, worst first, and what was linted.
public struct LintReport: Sendable, Encodable {
    public var findings: [LintFinding]
    public var traces: Int
    public var spans: Int

    public init(findings: [LintFinding], traces: Int, spans: Int) {
        self.findings = findings.sorted { a, b in
            if a.level != b.level { return a.level > b.level }
            if a.occurrences != b.occurrences { return a.occurrences > b.occurrences }
            return (a.rule.rawValue, a.subject) < (b.rule.rawValue, b.subject)
        }
        self.traces = traces
        self.spans = spans
    }

    /// The findings at or above a level.
    public func findings(atLeast level: LintLevel) -> [LintFinding] { findings.filter { $0.level >= level } }

    /// Findings per level, for the summary line.
    public func count(_ level: LintLevel) -> Int { findings.count { $0.level == level } }

    /// `1 error, 5 warnings, 2 infos`: what `trex lint` and the lint screen summarise.
    public var countsText: String {
        LintLevel.allCases.reversed().map { NumberFormat.count(count($0), $0.rawValue) }.joined(separator: ", ")
    }
}
