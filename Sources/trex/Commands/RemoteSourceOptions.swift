import ArgumentParser
import Foundation
import TraceModel
import TraceQuery
import TraceRemote

/// `--source BACKEND+URL` and how to talk to it: what every command that reads traces takes to
/// read a Jaeger, Tempo or Zipkin backend instead of (or besides) files and the store.
struct RemoteSourceOptions: ParsableArguments {
    @Option(name: .customLong("source"), help: ArgumentHelp(
        "A tracing backend: jaeger+http://HOST:16686, tempo+http://HOST:3200, zipkin+http://HOST:9411 (or https), or a name from the config file's [sources.NAME].",
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

    @Flag(name: .customLong("no-cache"), help: "Keep no copy of the traces read from a backend (by default they are kept in $XDG_CACHE_HOME/trex/remote, readable when the backend is down).")
    var noCache = false

    func validate() throws {
        for source in sources where source.contains("+") {
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
        if !noCache { options.cacheDirectory = RemoteCache.defaultDirectory(environment: ProcessInfo.processInfo.environment) }
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

    /// Each `--source`: an address with the command line's options, or a name from the config
    /// file with its own settings on top of them.
    func resolved() throws -> [(endpoint: RemoteEndpoint, options: RemoteOptions)] {
        let base = try resolvedOptions()
        var named: [String: NamedSource] = [:]
        if sources.contains(where: { !$0.contains("+") }) {
            do { named = try UserConfig.load(environment: ProcessInfo.processInfo.environment).sources } catch {
                throw ValidationError("\(error)")
            }
        }
        return try sources.map { text in
            if text.contains("+") { return (try RemoteEndpoint.parse(text), base) }
            guard let source = named[text] else {
                let known = named.keys.sorted()
                throw ValidationError("--source \(text): no such source in the config file"
                                      + (known.isEmpty ? " (it has no [sources.NAME])" : " (it has \(known.joined(separator: ", ")))"))
            }
            return (source.endpoint, try Self.options(of: source, over: base))
        }
    }

    /// A named source's settings over the command line's.
    static func options(of source: NamedSource, over base: RemoteOptions) throws -> RemoteOptions {
        var options = base
        for (header, variable) in source.headersFromEnvironment.sorted(by: { $0.key < $1.key }) {
            guard let value = ProcessInfo.processInfo.environment[variable] else {
                throw ValidationError("[sources.\(source.name)] headers_from_env.\(header): the environment has no \(variable)")
            }
            options.headers.append((header, value))
        }
        if let tenant = source.tenant { options.setTenant(tenant) }
        if let timeout = source.timeout { options.timeoutSeconds = timeout }
        if let insecure = source.insecure { options.insecureTLS = insecure }
        return options
    }

    /// Opens each backend, searching what it can of `query`; prints what decoding skipped and
    /// exits 1 when a backend cannot be reached.
    func open(query: Query?, quiet: Bool) throws -> [RemoteSource] {
        try resolved().map { endpoint, options in
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
