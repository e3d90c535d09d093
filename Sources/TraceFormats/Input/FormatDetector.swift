/// Recognizes the format of one top-level JSON value from its first bytes and member names,
/// never from a file name. Reads ahead on a copy of the scanner and stops at the first
/// decisive member, so a large OTLP request costs a few bytes of look-ahead.
///
/// Rules (members of the top-level object, in the order they appear):
/// - `resourceSpans` -> OTLP, and Tempo's v1 spelling `batches`; `result` (Jaeger api_v3) or
///   `trace` (Tempo's `/api/v2/traces/{id}`) holding such an object -> OTLP;
///   `resourceLogs`, `resourceMetrics`, `resourceProfiles` -> another OpenTelemetry signal;
/// - `data` (an array or object), `spans`, `processes` -> a Jaeger trace document;
///   `traceID`, `spanID`, `operationName`, `references`, `processID`, `startTime`, `logs`
///   (Jaeger's spelling) -> a bare Jaeger span;
/// - `id`, `parentId`, `localEndpoint`, `remoteEndpoint`, `annotations`, `timestamp`,
///   `shared` -> a bare Zipkin v2 span.
/// An array is classified by its first element: Jaeger spans or traces, Zipkin spans, or
/// arrays of Zipkin spans (an array of traces); `[]` is an empty Zipkin list.
enum FormatDetector {
    enum Shape: Equatable {
        case otlp
        case jaegerObject
        case jaegerArray
        case zipkinObject
        case zipkinArray
        case emptyArray
        /// OpenTelemetry logs, metrics or profiles ("logs", ...).
        case otherSignal(String)
        /// No trace format; says what it is instead.
        case unknown(String)
    }

    private enum Member: String, CaseIterable {
        case resourceSpans, batches, result, trace, resourceLogs, resourceMetrics, resourceProfiles
        case data, spans, processes
        case traceID, spanID, operationName, references, processID, startTime, logs
        case id, parentId, localEndpoint, remoteEndpoint, annotations, timestamp, shared
    }

    private static let members = KeyTable<Member>()

    /// Classifies the value at the scanner's position without moving it.
    static func detect(_ scanner: JSONScanner) throws(JSONError) -> Shape {
        var look = scanner
        switch look.peek() {
        case UInt8(ascii: "{"): return try object(&look, depth: 0)
        case UInt8(ascii: "["): return try array(&look, depth: 0)
        case 0 where look.isAtEnd: return .unknown("empty input")
        default:
            let b = look.base[look.pos]
            return .unknown("not a JSON object or array (starts with \(JSONError.show(b)))")
        }
    }

    private static func object(_ s: inout JSONScanner, depth: Int) throws(JSONError) -> Shape {
        s.pos += 1
        var seen: [String] = []
        var first = true
        while let key = try s.nextKey(&first) {
            let bytes = try s.bytes(of: key)
            let member = members.lookup(bytes)
            switch member {
            case .resourceSpans?, .batches?: return .otlp
            case .resourceLogs?: return .otherSignal("logs")
            case .resourceMetrics?: return .otherSignal("metrics")
            case .resourceProfiles?: return .otherSignal("profiles")
            case .result?, .trace?:
                if depth < 2 && s.peek() == UInt8(ascii: "{") {
                    var inner = s
                    let shape = try object(&inner, depth: depth + 1)
                    if shape == .otlp { return .otlp }
                    if case .otherSignal = shape { return shape }
                }
            case .data?:
                let b = s.peek()
                if depth == 0 && (b == UInt8(ascii: "[") || b == UInt8(ascii: "{")) { return .jaegerObject }
            case .spans?, .processes?, .traceID?, .spanID?, .operationName?, .references?, .processID?,
                 .startTime?, .logs?:
                return .jaegerObject
            case .id?, .parentId?, .localEndpoint?, .remoteEndpoint?, .annotations?, .timestamp?, .shared?:
                return .zipkinObject
            case nil:
                break
            }
            if seen.count < 5 { seen.append(String(decoding: bytes, as: UTF8.self)) }
            try s.skipValue()
        }
        if seen.isEmpty { return .unknown("an empty JSON object") }
        return .unknown("a JSON object with members " + seen.map { "\"\($0)\"" }.joined(separator: ", "))
    }

    private static func array(_ s: inout JSONScanner, depth: Int) throws(JSONError) -> Shape {
        s.pos += 1
        switch s.peek() {
        case UInt8(ascii: "]"):
            return .emptyArray
        case UInt8(ascii: "{"):
            switch try object(&s, depth: 1) {
            case .jaegerObject: return .jaegerArray
            case .zipkinObject: return .zipkinArray
            case .unknown(let what): return .unknown("a JSON array whose first element is \(what)")
            default: return .unknown("a JSON array of objects that are not spans")
            }
        case UInt8(ascii: "[") where depth == 0:
            switch try array(&s, depth: 1) {
            case .zipkinArray, .emptyArray: return .zipkinArray
            default: return .unknown("a JSON array of arrays that are not Zipkin spans")
            }
        default:
            if s.isAtEnd { throw JSONError(offset: s.end, problem: .unexpectedEnd) }
            return .unknown("a JSON array that holds no objects")
        }
    }
}
