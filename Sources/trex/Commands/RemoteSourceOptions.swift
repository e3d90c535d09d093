import ArgumentParser
import Foundation
import TraceModel
import TraceQuery
import TraceRemote

/// `--source BACKEND+URL` and how to talk to it: what every command that reads traces takes to
/// read a Jaeger, Tempo or Zipkin backend instead of (or besides) files and the store.
struct RemoteSourceOptions: ParsableArguments {
    @Option(name: .customLong("source"), help: ArgumentHelp(
        "A tracing backend: jaeger+http://HOST:16686, tempo+http://HOST:3200, zipkin+http://HOST:9411 (or https).",
        valueName: "backend+url"))
    var sources: [String] = []

    @Option(name: .customLong("header-from-env"), help: ArgumentHelp(
        "Send a header whose value is an environment variable's, e.g. Authorization=JAEGER_AUTH (never on the command line).",
        valueName: "name=variable"))
    var headersFromEnvironment: [String] = []

    @Option(help: ArgumentHelp("Tempo's tenant (X-Scope-OrgID).", valueName: "id"))
    var tenant: String?

    @Option(help: ArgumentHelp("Seconds a backend has to answer each request.", valueName: "seconds"))
    var timeout: Int64 = 30

    @Flag(help: "Accept a backend's certificate without checking it (a test cluster's self-signed one).")
    var insecure = false

    @Option(help: ArgumentHelp("The most traces a search of a backend brings.", valueName: "n"))
    var limit = 200

    @Option(help: ArgumentHelp("How far back a search of a backend looks: 15m, 1h, 2d.", valueName: "age"))
    var since: AgeArgument = AgeArgument(duration: .seconds(3_600))

    func validate() throws {
        for source in sources {
            do { _ = try RemoteEndpoint.parse(source) } catch { throw ValidationError("--source \(error)") }
        }
        guard timeout > 0 else { throw ValidationError("--timeout must be at least 1 second") }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        _ = try resolvedOptions()
    }

    /// The options, the headers read from the environment.
    func resolvedOptions() throws -> RemoteOptions {
        var options = RemoteOptions()
        options.timeoutSeconds = timeout
        options.insecureTLS = insecure
        options.limit = limit
        options.lookback = since.duration
        for spec in headersFromEnvironment {
            guard let equals = spec.firstIndex(of: "="), equals != spec.startIndex else {
                throw ValidationError("--header-from-env takes NAME=VARIABLE, e.g. Authorization=JAEGER_AUTH")
            }
            let name = String(spec[..<equals]), variable = String(spec[spec.index(after: equals)...])
            guard let value = ProcessInfo.processInfo.environment[variable] else {
                throw ValidationError("--header-from-env \(name): the environment has no \(variable)")
            }
            options.headers.append((name, value))
        }
        if let tenant { options.setTenant(tenant) }
        return options
    }

    /// Opens each backend, searching what it can of `query`; prints what decoding skipped and
    /// exits 1 when a backend cannot be reached.
    func open(query: Query?, quiet: Bool) throws -> [RemoteSource] {
        let options = try resolvedOptions()
        return try sources.map { text in
            let endpoint = try RemoteEndpoint.parse(text)
            do {
                let source = try RemoteSource.open(endpoint, options: options, query: query)
                if !quiet { for warning in source.warnings { FileHandleOutput.message(warning) } }
                return source
            } catch {
                FileHandleOutput.message("\(error)")
                throw ExitCode(1)
            }
        }
    }
}
