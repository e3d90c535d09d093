import ArgumentParser
import Foundation
import TraceModel
import TraceRemote

/// `trex sources`: the backends named in the config file, each checked: reachable, how many
/// services it knows, how fast it answered, its version where its API tells it.
struct SourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "List the tracing backends named in the config file and check each.",
        discussion: """
        A source is a table in $XDG_CONFIG_HOME/trex/config.toml (or $TREX_CONFIG):

          [sources.prod]
          url = "jaeger+https://jaeger.example:16686"
          headers_from_env = { Authorization = "JAEGER_AUTH" }
          tenant = "team-a"
          timeout = 20

        Then `trex --source prod` opens it, and every command takes --source prod.
        """)

    @Flag(help: "List them without checking.")
    var noCheck = false

    func run() throws {
        let config: UserConfig
        do { config = try UserConfig.load(environment: ProcessInfo.processInfo.environment) } catch {
            FileHandleOutput.message("\(error)")
            throw ExitCode(1)
        }
        guard !config.sources.isEmpty else {
            FileHandleOutput.standardOutput("No sources in the config file (\(UserConfig.path(environment: ProcessInfo.processInfo.environment) ?? "none")): "
                + "add a [sources.NAME] table with url = \"jaeger+http://HOST:16686\" (see trex sources --help).\n")
            return
        }
        var table = TextTable([.init("NAME"), .init("BACKEND"), .init("URL"), .init("CHECK")])
        var failed = false
        for (name, source) in config.sources.sorted(by: { $0.key < $1.key }) {
            var check = "not checked"
            if !noCheck {
                do {
                    let options = try RemoteSourceOptions.options(of: source, over: RemoteOptions())
                    let probe = try RemoteProbe.check(source.endpoint, options: options)
                    check = "reachable, \(NumberFormat.count(probe.services, "service")), \(Int(probe.milliseconds.rounded())) ms"
                        + (probe.version.map { ", version \($0)" } ?? "")
                        + (probe.api.map { ", \($0)" } ?? "")
                } catch {
                    check = "\(error)"
                    failed = true
                }
            }
            table.append([name, source.endpoint.backend.rawValue, source.endpoint.baseURL, check])
        }
        FileHandleOutput.standardOutput(table.render())
        if failed { throw ExitCode(1) }
    }
}
