import ArgumentParser
import TraceAnalysis
import TraceModel
import TraceWorkspace

/// `trex deps`: the service dependency graph.
struct DepsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deps",
        abstract: "Caller -> callee service edges with call counts, errors and p95 latency.",
        discussion: """
        Edges come from parent/child spans across services (client -> server, producer -> consumer).

        Examples:
          trex deps traces/
          trex deps --json traces/ | jq '.[] | select(.errors > 0)'
        """)

    @OptionGroup var input: InputOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let workspace = try input.resolve()
        var accumulator = DependencyGraph.Accumulator()
        try sourceOperation { try workspace.forEachBatch { accumulator.add($0) } }
        let graph = accumulator.finish()
        if json {
            try JSONOutput.write(graph.edges)
            return
        }
        var text = TextTable([.init("CALLER", maxWidth: 30), .init(""), .init("CALLEE", maxWidth: 30), .init("KIND"),
                              .init("CALLS", .right), .init("ERRORS", .right), .init("P95", .right)])
        for e in graph.edges {
            text.append([e.caller, "->", e.callee, e.kind.rawValue, NumberFormat.grouped(e.calls),
                         e.errors == 0 ? "-" : NumberFormat.grouped(e.errors), DurationFormat.string(e.p95)])
        }
        FileHandleOutput.standardOutput(graph.edges.isEmpty ? "No calls between services found.\n" : text.render())
    }
}
