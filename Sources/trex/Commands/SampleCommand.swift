import ArgumentParser
import TraceAnalysis
import TraceModel
import TraceQuery
import TraceWorkspace

/// `trex sample`: the loaded traces replayed through sampling policies, side by side.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "What sampling policies would keep and lose of the loaded traces (a what-if).",
        discussion: """
        Each policy is replayed over the traces (see docs/sampling.md):
          --head 1%            head-based probabilistic, decided from the trace id
          --rate 10/s          rate limiting over the traces' own timeline (also 600/min)
          --tail QUERY         tail-based: every trace the query matches
          --adaptive 10/s      about that rate, each root operation at least \
        --minimum-per-operation traces a minute
        A tail rule is also shown combined with a head sample (the first --head, else 10%), as \
        the primer recommends. With no policy, a plan fitted to the traces is replayed: head 10%, \
        a rate of a tenth of theirs, errors and the slowest 1%, that rule plus head 10%, adaptive.

        Columns: traces and spans kept (the share of storage); error traces and slow traces \
        (at or above the p99 of duration) kept; OPS LOST, operations seen in no kept trace; \
        PARTIAL, traces split if each service decided alone (the decision not propagated); the \
        p95 and p99 of trace duration a metrics query on the kept traces would report, next to \
        the true ones. The same seed gives the same answer.

        Examples:
          trex sample traces/
          trex sample --head 1% --head 10% --tail 'Duration > 5s OR Status = ERROR' traces/
          trex sample --rate 10/s --adaptive 10/s --json --seed 7 traces/
        """)

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("Head-based probabilistic sampling keeping this share (1%, 0.01).", valueName: "share"))
    var head: [String] = []

    @Option(help: ArgumentHelp("Rate limiting at this many traces a second (10/s, 600/min).", valueName: "rate"))
    var rate: [String] = []

    @Option(help: ArgumentHelp("Tail-based sampling keeping the traces a query matches.", valueName: "query"))
    var tail: [String] = []

    @Option(help: ArgumentHelp("Adaptive sampling at about this rate (10/s).", valueName: "rate"))
    var adaptive: [String] = []

    @Option(help: "With --adaptive: the traces a minute each root operation keeps at least.")
    var minimumPerOperation = 1

    @Option(help: "The seed of the head decisions (the same seed, the same traces kept).")
    var seed: UInt64 = 1

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        guard minimumPerOperation >= 0 else { throw ValidationError("--minimum-per-operation cannot be negative") }
    }

    func run() throws {
        let plan = try self.plan()
        let workspace = try input.resolve()
        let comparison = try sourceOperation { try workspace.samplingComparison(plan) }
        if json {
            try JSONOutput.write(SamplingJSON(comparison))
        } else {
            FileHandleOutput.standardOutput(SamplingText.render(comparison, ascii: !FileHandleOutput.localeIsUTF8))
        }
    }

    /// The policies as given, in `SamplingPlan`'s order.
    func plan() throws -> SamplingPlan {
        func read<T>(_ text: String, _ option: String, _ parse: (String) throws(SamplingPlanError) -> T) throws -> T {
            do { return try parse(text) } catch { throw ValidationError("--\(option): \(error)") }
        }
        for rule in tail { _ = try QueryArgument.parse(rule) }
        return SamplingPlan(heads: try head.map { try read($0, "head", SamplingPlan.share) },
                            rates: try rate.map { try read($0, "rate", SamplingPlan.rate) },
                            tails: tail,
                            adaptives: try adaptive.map { (try read($0, "adaptive", SamplingPlan.rate), minimumPerOperation) },
                            seed: seed)
    }
}
