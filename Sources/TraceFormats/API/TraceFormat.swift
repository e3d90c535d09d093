/// The saved-trace formats trex reads. Detected from content, never from a file name.
public enum TraceFormat: String, Sendable, CaseIterable {
    case otlpJSON = "OTLP JSON"
    case otlpJSONLines = "OTLP JSON Lines"
    case jaegerJSON = "Jaeger JSON"
    case zipkinJSON = "Zipkin v2 JSON"
    /// OTLP's protobuf `ExportTraceServiceRequest`, as the OTLP receiver gets it (not a file
    /// format trex detects).
    case otlpProtobuf = "OTLP protobuf"
}
