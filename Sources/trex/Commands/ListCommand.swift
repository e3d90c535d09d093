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
        """)

    @OptionGroup var input: InputOptions

    @Flag(help: "Print a JSON array of trace objects instead of a table.")
    var json = false

    func run() throws {
        let workspace = try input.resolve()
        let listing = try sourceOperation { try workspace.listing() }
        let rows = listing.summaries.map { TraceRow(summary: $0, strings: listing.strings) }
        let idWidth = TraceIDPrefix.uniqueLength(listing.summaries.map(\.traceID))
        if json {
            try JSONOutput.write(rows.map(\.json))
        } else {
            TraceRow.table(rows, idWidth: idWidth).write(to: FileHandleOutput.standardOutput)
        }
    }
}
