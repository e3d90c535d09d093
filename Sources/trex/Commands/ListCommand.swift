import ArgumentParser
import TraceModel
import TraceStore
import TraceWorkspace

/// `trex list`: one row per trace.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the traces in the inputs, one row per trace, earliest first.",
        discussion: """
        Examples:
          trex list                       the traces in the store
          trex list traces.json
          trex list --store incident.sqlite late-spans.json     a store and files together
          trex list --json collector-output/ | jq '.[] | select(.errorCount > 0)'
          trex list --problems traces.json      with each trace's problems (the explorer's marks)
        """)

    @OptionGroup var input: InputOptions

    @Flag(help: "Print a JSON array of trace objects instead of a table.")
    var json = false

    @Flag(help: ArgumentHelp("Add each trace's problems: error, clock-skew, missing-spans, n-plus-one, fan-out, broken-propagation, outliving-children.",
                             discussion: "What the explorer's PROBLEMS column marks and `trace:problem` filters on. Analyses every trace."))
    var problems = false

    func run() throws {
        let workspace = try input.resolve()
        let listing = try sourceOperation { try workspace.listing() }
        var rows = listing.summaries.map { TraceRow(summary: $0, strings: listing.strings) }
        if problems {
            let found = try sourceOperation { try workspace.problems(of: listing.summaries.map(\.traceID)) }
            for index in rows.indices { rows[index].problems = found[index] }
        }
        let idWidth = TraceIDPrefix.uniqueLength(listing.summaries.map(\.traceID))
        if json {
            try JSONOutput.write(rows.map(\.json))
        } else {
            TraceRow.table(rows, idWidth: idWidth, showProblems: problems).write(to: FileHandleOutput.standardOutput)
        }
    }
}
