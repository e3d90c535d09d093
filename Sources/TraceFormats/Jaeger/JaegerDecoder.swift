import TraceModel
struct JaegerDecoder {
    init(builder: inout SpanTableBuilder) {}
    mutating func decodeDocument(_ s: inout DecodeSession, _ b: inout SpanTableBuilder) throws(JSONError) { try s.scanner.skipValue() }
    func addNotes(to log: inout WarningLog) {}
}
