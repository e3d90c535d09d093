import TraceModel

/// The saved-trace formats trex reads. Detected from content, never from a file name.
public enum TraceFormat: String, Sendable, CaseIterable {
    case otlpJSON = "OTLP JSON"
    case otlpJSONLines = "OTLP JSON Lines"
    case jaegerJSON = "Jaeger JSON"
    case zipkinJSON = "Zipkin v2 JSON"
}

/// Something in an input that was skipped or mapped rather than loaded as written.
public struct DecodeWarning: Sendable, Hashable, CustomStringConvertible {
    /// The file path, or "-" for standard input.
    public var source: String
    /// 1-based line, when known.
    public var line: Int?
    /// 0-based byte offset into the (decompressed) input, when known.
    public var byteOffset: Int?
    public var message: String
    /// How many spans this warning accounts for as skipped (0 for notes such as id mapping).
    public var skippedSpans: Int

    public init(source: String, line: Int? = nil, byteOffset: Int? = nil, message: String, skippedSpans: Int = 0) {
        self.source = source
        self.line = line
        self.byteOffset = byteOffset
        self.message = message
        self.skippedSpans = skippedSpans
    }

    /// `file:line: message` or `file (byte N): message`.
    public var description: String {
        var place = source
        if let line { place += ":\(line)" }
        if let byteOffset { place += line == nil ? " (byte \(byteOffset))" : " (byte \(byteOffset))" }
        return "\(place): \(message)"
    }
}

/// What decoding one input produced.
public struct DecodeReport: Sendable {
    public var format: TraceFormat
    public var gzipped: Bool
    public var spansDecoded: Int
    public var spansSkipped: Int
    public var warnings: [DecodeWarning]

    public init(format: TraceFormat, gzipped: Bool = false, spansDecoded: Int = 0, spansSkipped: Int = 0,
                warnings: [DecodeWarning] = []) {
        self.format = format
        self.gzipped = gzipped
        self.spansDecoded = spansDecoded
        self.spansSkipped = spansSkipped
        self.warnings = warnings
    }
}

/// Why an input could not be read as traces at all.
public enum DecodeFailure: Error, Sendable, CustomStringConvertible {
    /// Valid or invalid JSON that matches no trace format; lists the formats tried.
    case notATraceFormat(source: String, tried: [TraceFormat], detail: String)
    case badGzip(source: String, detail: String)
    case empty(source: String)

    public var description: String {
        switch self {
        case .notATraceFormat(let source, let tried, let detail):
            return "\(source): not a trace file (tried \(tried.map(\.rawValue).joined(separator: ", "))): \(detail)"
        case .badGzip(let source, let detail):
            return "\(source): cannot decompress gzip data: \(detail)"
        case .empty(let source):
            return "\(source): empty input"
        }
    }
}

/// Decodes any supported input into a `SpanTableBuilder`.
public enum TraceDecoder {
    /// Decodes one input: detects gzip and the format from the bytes, appends every valid span to
    /// `builder`, and reports what was skipped (with line/byte offsets) as warnings.
    ///
    /// - Parameter progress: called now and then with the number of input bytes consumed.
    /// - Throws: `DecodeFailure` when nothing in the input is a trace format.
    public static func decode(_ bytes: UnsafeRawBufferPointer, source: String, into builder: inout SpanTableBuilder,
                              progress: ((Int) -> Void)? = nil) throws(DecodeFailure) -> DecodeReport {
        throw .notATraceFormat(source: source, tried: TraceFormat.allCases, detail: "decoders not written yet")
    }

    /// Convenience over an array.
    public static func decode(_ bytes: [UInt8], source: String, into builder: inout SpanTableBuilder,
                              progress: ((Int) -> Void)? = nil) throws(DecodeFailure) -> DecodeReport {
        let result: Result<DecodeReport, DecodeFailure> = bytes.withUnsafeBytes { buffer in
            do throws(DecodeFailure) { return .success(try decode(buffer, source: source, into: &builder, progress: progress)) }
            catch { return .failure(error) }
        }
        return try result.get()
    }
}

/// Writes spans as OTLP JSON (`ExportTraceServiceRequest`, lowerCamelCase, hex ids, 64-bit
/// integers as strings), the lingua franca every other format converts to.
public enum OTLPJSONEncoder {
    /// Encodes the given traces (indices into `table.traces`; all when nil) as one request.
    public static func encode(_ table: SpanTable, traces: [Int]? = nil, pretty: Bool = false) -> [UInt8] {
        Array("{\"resourceSpans\":[]}".utf8)
    }
}
