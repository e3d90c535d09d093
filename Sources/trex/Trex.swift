import ArgumentParser

/// The root command: `trex FILE...` opens the explorer; subcommands print to standard output.
struct Trex: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trex",
        abstract: "A terminal trace explorer: open, filter and dissect saved distributed traces.",
        discussion: """
        Reads OTLP JSON and JSON Lines (OpenTelemetry collector file exporter, Jaeger api_v3), \
        Jaeger JSON (query API and UI downloads) and Zipkin v2 JSON, gzip-compressed or not, from \
        files, directories (recursively) and - (standard input). The format is detected from the content.

        Examples:
          trex traces.json                       open the explorer on a file
          trex list docs/samples                 one row per trace
          trex show 5b8efff7 traces.json         one trace as a text waterfall
          trex compare 5b8efff7 9c1d0e22 traces/ two traces, path by path
          trex convert --to otlp jaeger.json     any input as OTLP JSON

        Exit status: 0 when traces were loaded (warnings go to standard error), 1 when nothing \
        could be loaded, 2 on usage errors.
        """,
        version: TrexVersion.text,
        subcommands: [OpenCommand.self, ListCommand.self, ShowCommand.self, QueryCommand.self, MetricsCommand.self, AnalyzeCommand.self,
                      CompareCommand.self, StatsCommand.self, DepsCommand.self, ConvertCommand.self, ImportCommand.self, ReceiveCommand.self, StoreCommand.self, SourcesCommand.self,
                      SampleCommand.self, LintCommand.self, CompletionsCommand.self],
        defaultSubcommand: OpenCommand.self
    )
}
