import TraceModel
public enum OTLPJSONEncoder {
    public static func encode(_ table: SpanTable, traces: [Int]? = nil, pretty: Bool = false) -> [UInt8] {
        Array("{\"resourceSpans\":[]}".utf8)
    }
}
