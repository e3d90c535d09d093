import ArgumentParser
import TraceReceiver

/// Where the OTLP receivers listen (`trex receive`, `trex --listen`): gRPC on 4317 and HTTP on
/// 4318 of loopback unless told otherwise.
struct ReceiverOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Where OTLP/gRPC listens: PORT, HOST:PORT (another host than loopback must be named), "
                               + "or 0 for off.", valueName: "addr"))
    var grpc = ListenAddress(host: "127.0.0.1", port: 4317)

    @Option(help: ArgumentHelp("Where OTLP/HTTP listens: PORT, HOST:PORT (another host than loopback must be named), "
                               + "or 0 for off.", valueName: "addr"))
    var http = ListenAddress(host: "127.0.0.1", port: 4318)

    @Option(help: "The largest request accepted, in bytes (larger HTTP bodies get 413, gRPC messages RESOURCE_EXHAUSTED).")
    var maxBody = OTLPHTTPExport.defaultMaxBodyBytes

    func validate() throws {
        guard !grpc.isOff || !http.isOff else { throw ValidationError("nothing to receive: --grpc and --http are both off") }
        guard maxBody > 0 else { throw ValidationError("--max-body must be positive") }
    }

    /// Starts both receivers into `sink`; a taken port stops trex with the endpoint named.
    func start(sink: @escaping SpanSink) throws -> OTLPReceiver {
        do {
            return try OTLPReceiver(grpc: grpc.isOff ? nil : .init(.grpc, host: grpc.host, port: grpc.port),
                                    http: http.isOff ? nil : .init(.http, host: http.host, port: http.port),
                                    maxMessageBytes: maxBody, sink: sink)
        } catch {
            FileHandleOutput.message("\(error)")
            throw ExitCode(1)
        }
    }
}
