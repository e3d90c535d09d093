import ArgumentParser
import ExplorerUI
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

        --graph draws the services as a map: callers left, callees right, each call labelled with \
        its count, errors (✗) and p95 (the explorer's service map, as text). --dot prints the same \
        graph in Graphviz's DOT language.

        Examples:
          trex deps traces/
          trex deps --graph traces/
          trex deps --dot traces/ | dot -Tsvg > services.svg
          trex deps --json traces/ | jq '.[] | select(.errors > 0)'
        """)

    @OptionGroup var input: InputOptions

    @Flag(help: "Print JSON.")
    var json = false

    @Flag(help: "Draw the services as a map (boxes and lines), callers left and callees right.")
    var graph = false

    @Flag(help: "Print the graph in Graphviz's DOT language.")
    var dot = false

    @Flag(help: "Draw the map with ASCII only.")
    var ascii = false

    func run() throws {
        let workspace = try input.resolve()
        var accumulator = DependencyGraph.Accumulator()
        try sourceOperation { try workspace.forEachBatch { accumulator.add($0) } }
        let graph = accumulator.finish()
        if json {
            try JSONOutput.write(graph.edges)
            return
        }
        if self.graph || dot {
            let services = ServiceGraph(graph)
            if dot {
                FileHandleOutput.standardOutput(ServiceMapText.dot(services))
            } else {
                let lines = ServiceMapText.lines(services, ascii: ascii || !FileHandleOutput.localeIsUTF8)
                FileHandleOutput.standardOutput(lines.isEmpty ? "No calls between services found.\n"
                                                : lines.joined(separator: "\n") + "\n")
            }
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
