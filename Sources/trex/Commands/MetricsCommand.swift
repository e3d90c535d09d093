import ArgumentParser
import TerminalCore
import TraceModel
import TraceQuery
import TraceWorkspace

/// `trex metrics`: a TraceQL metrics query answered on files or the store.
struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Answer a TraceQL metrics query (rate, quantile_over_time ...) over time (see docs/query-language.md).",
        discussion: """
        Prints one row per series and step. Steps cover the matched spans' start times; a span \
        counts in the step it starts in. --json prints the shape of Tempo's query_range \
        response (durations in seconds), so scripts written for Tempo read it. Exit status: 0 \
        with series, 1 with none, 2 when the query is wrong.

        Examples:
          trex metrics '{ } | rate() by (resource.service.name)' traces.json
          trex metrics '{ kind = server } | quantile_over_time(duration, .5, .95, .99) by (resource.service.name)' traces/
          trex metrics '{ status = error } | count_over_time() by (name) | topk(5)' --step 1m --json
        """)

    @Argument(help: "The metrics query: spansets, then `| rate()`, `| quantile_over_time(duration, .99)` ...")
    var expression: String

    @OptionGroup var input: InputOptions

    @Option(help: "The step: a duration such as 30s, 1m or 500ms (default: a round step giving about 60).")
    var step: StepArgument?

    @Flag(help: "Print Tempo's query_range JSON instead of a table.")
    var json = false

    func run() throws {
        let query = try QueryArgument.parse(expression)
        guard query.isMetrics else {
            FileHandleOutput.message("`\(expression.visiblyEscaped)` has no metrics function: add one, as in "
                                     + "`| rate()` or `| quantile_over_time(duration, .99)`, or use `trex query`")
            throw ExitCode(2)
        }
        let workspace = try input.resolve(query: query)
        let answer: MetricsAnswer
        do {
            guard let found = try workspace.metrics(query, step: step?.duration) else { return }
            answer = found
        } catch let problem as MetricsRange.Problem {
            FileHandleOutput.message("\(problem)")
            throw ExitCode(2)
        } catch {
            FileHandleOutput.message("\(error)")
            throw ExitCode(1)
        }
        if let backend = answer.answeredBy, !json {
            FileHandleOutput.standardError("trex: the series are \(backend)'s (its query_range over the searched window)")
        }
        if json {
            try JSONOutput.write(MetricsJSON(answer))
        } else if !answer.result.series.isEmpty {
            MetricsTable.render(answer.result).write(to: FileHandleOutput.standardOutput)
        }
        if answer.result.series.isEmpty {
            guard answer.matches.matchCount == 0 else {
                FileHandleOutput.message("no series has a value (\(expression.visiblyEscaped))")
                throw ExitCode(1)
            }
            FileHandleOutput.message("no span matches \(expression.visiblyEscaped)")
            for leaf in query.math?.leaves ?? [query] {
                for hint in (try? workspace.hints(for: leaf)) ?? [] { FileHandleOutput.standardError("hint: " + hint.visiblyEscaped) }
            }
            throw ExitCode(1)
        }
    }
}
