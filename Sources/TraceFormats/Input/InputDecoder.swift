import TraceModel

/// Reads one (decompressed) input: every top-level JSON value in turn, each detected and
/// decoded on its own, so a JSON Lines file may mix requests, logs and metrics lines.
///
/// Recovery: a syntax error ends the value it occurs in. Spans completed before it are kept,
/// the span it cut short is reported, and reading resumes at the next line that starts with
/// `{` or `[` (the next JSON Lines record); in a single-document file there is none, so the
/// rest of the input is reported as skipped.
struct InputDecoder {
    private(set) var session: DecodeSession
    private var otlp: OTLPDecoder?
    private var jaeger: JaegerDecoder?
    private var zipkin: ZipkinDecoder?
    private var format: TraceFormat?
    private var topValues = 0
    private var traceValues = 0
    private var otherSignals: [String: Int] = [:]
    private var firstOtherSignal = -1
    private var unknownValues = 0
    private var firstUnknown: (what: String, offset: Int)?
    private var firstSyntaxError: String?
    private var emptyArrays = 0
    /// Whether records end at their newline (see `JSONScanner.newlineIsWhitespace`).
    private var lineMode = false

    /// The size of the input as given (compressed, for gzip), for the last progress call.
    private let inputSize: Int

    init(_ buffer: UnsafeBufferPointer<UInt8>, source: String, progress: ((DecodeProgress) -> Void)?, inputSize: Int) {
        let scale = buffer.isEmpty ? 1 : Double(inputSize) / Double(buffer.count)
        session = DecodeSession(buffer, source: source, progress: progress, progressScale: scale)
        self.inputSize = inputSize
    }

    // MARK: - Running

    /// Decodes everything into `b`. Throws when the input holds no trace format at all.
    mutating func run(into b: inout SpanTableBuilder, gzipped: Bool) throws(DecodeFailure) -> DecodeReport {
        let source = session.log.source
        skipByteOrderMark()
        lineMode = looksLikeJSONLines()
        var firstValueStart = -1
        while true {
            session.scanner.newlineIsWhitespace = true
            session.scanner.skipWhitespace()
            if session.scanner.isAtEnd { break }
            let valueStart = session.scanner.pos
            if topValues == 1 && firstValueStart >= 0 && !lineMode { lineMode = endsOnItsLine(from: firstValueStart, to: valueStart) }
            session.scanner.newlineIsWhitespace = !lineMode
            topValues += 1
            do {
                if topValues == 1 { firstValueStart = valueStart }
                try decodeValue(&b)
            } catch {
                if !recover(from: error, valueStart: valueStart) { break }
            }
        }
        session.reportDone(inputSize: inputSize)

        guard traceValues > 0 else {
            if topValues == 0 { throw .empty(source: source) }
            throw .notATraceFormat(source: source, tried: TraceFormat.allCases, detail: failureDetail())
        }
        addNotes()
        b.writtenTraceIDs.merge(session.ids.writtenTraceIDs) { mine, _ in mine }
        session.log.summarize()
        var detected = format ?? .zipkinJSON
        if detected == .otlpJSON && topValues > 1 { detected = .otlpJSONLines }
        return DecodeReport(format: detected, gzipped: gzipped, spansDecoded: session.spansDecoded,
                            spansSkipped: session.log.skippedSpans, warnings: session.log.warnings)
    }

    /// Whether the input is JSON Lines (`JSONLinesDetection`), from the scanner's position.
    private func looksLikeJSONLines() -> Bool {
        let s = session.scanner
        return JSONLinesDetection.looksLikeJSONLines(UnsafeBufferPointer(start: s.base, count: s.end), from: s.pos)
    }

    /// True when the first value, from `start`, ended before any newline: then the input is
    /// read as JSON Lines, one record per line. O(length of the first value).
    private func endsOnItsLine(from start: Int, to next: Int) -> Bool {
        let s = session.scanner
        var i = start
        while i < next {
            if s.base[i] == 0x0A { return i >= lastNonSpace(before: next) }
            i += 1
        }
        return true
    }

    /// The offset just past the last non-whitespace byte before `offset`.
    private func lastNonSpace(before offset: Int) -> Int {
        var i = offset
        while i > 0 && session.scanner.base[i - 1] <= 0x20 { i -= 1 }
        return i
    }

    private mutating func skipByteOrderMark() {
        let s = session.scanner
        if s.end >= 3 && s.base[0] == 0xEF && s.base[1] == 0xBB && s.base[2] == 0xBF { session.scanner.pos = 3 }
    }

    /// Detects and decodes one top-level value.
    private mutating func decodeValue(_ b: inout SpanTableBuilder) throws(JSONError) {
        let at = session.scanner.pos
        let shape = try FormatDetector.detect(session.scanner)
        switch shape {
        case .otlp:
            found(.otlpJSON)
            if otlp == nil { otlp = OTLPDecoder(builder: &b) }
            try otlp!.decodeRequest(&session, &b)
        case .jaegerObject, .jaegerArray:
            found(.jaegerJSON)
            if jaeger == nil { jaeger = JaegerDecoder(builder: &b) }
            try jaeger!.decodeDocument(&session, &b)
        case .zipkinObject, .zipkinArray:
            found(.zipkinJSON)
            if zipkin == nil { zipkin = ZipkinDecoder(builder: &b) }
            try zipkin!.decodeDocument(&session, &b)
        case .emptyArray:
            found(.zipkinJSON)
            emptyArrays += 1
            try session.scanner.skipValue()
        case .otherSignal(let signal):
            if firstOtherSignal < 0 { firstOtherSignal = at }
            otherSignals[signal, default: 0] += 1
            try session.scanner.skipValue()
        case .unknown(let what):
            unknownValues += 1
            if firstUnknown == nil { firstUnknown = (what, at) }
            try session.scanner.skipValue()
        }
    }

    private mutating func found(_ f: TraceFormat) {
        traceValues += 1
        if format == nil { format = f }
    }

    // MARK: - Recovery

    /// Reports a syntax error and moves to the next JSON Lines record; false when there is none.
    private mutating func recover(from error: JSONError, valueStart: Int) -> Bool {
        let lines = LineLocator(base: session.scanner.base, end: session.scanner.end)
        let lineStart = lines.lineStart(of: error.offset)
        let next = lines.nextRecordStart(from: max(lineStart, valueStart + 1))
        var text = "malformed JSON: \(error.message)"
        let inSpan = session.spanStart >= 0
        if inSpan { text += "; skipped the span that starts at byte \(session.spanStart)" }
        if let next {
            text += "; resuming at line \(session.log.line(at: next))"
        } else if error.offset < session.scanner.end {
            text += "; ignored the rest of the input (\(session.scanner.end - error.offset) bytes)"
        }
        session.log.skipped(.syntax, at: error.offset, text, spans: inSpan ? 1 : 0)
        session.spanStart = -1
        if firstSyntaxError == nil {
            firstSyntaxError = "malformed JSON at byte \(error.offset) (line \(session.log.line(at: error.offset))): \(error.message)"
        }
        session.scanner.pos = next ?? session.scanner.end
        if let next, !lineMode {
            let s = session.scanner
            lineMode = JSONLinesDetection.isOneLineRecord(UnsafeBufferPointer(start: s.base, count: s.end), at: next)
        }
        return next != nil
    }

    // MARK: - Notes

    private func failureDetail() -> String {
        if !otherSignals.isEmpty {
            let kinds = otherSignals.keys.sorted().joined(separator: " and ")
            return "it holds OpenTelemetry \(kinds), not traces"
        }
        if let firstUnknown { return "it holds \(firstUnknown.what)" }
        return firstSyntaxError ?? "no JSON value"
    }

    private mutating func addNotes() {
        session.times.addNotes(to: &session.log)
        let ids = session.ids
        if let first = ids.firstHashed {
            let n = ids.hashedCount
            session.log.note("\(n) \(n == 1 ? "id was" : "ids were") not hex (the first: \"\(first.text)\") and "
                             + "\(n == 1 ? "was" : "were") mapped to stable hashed ids", at: first.offset)
        }
        if ids.base64Count > 0 {
            session.log.note(NumberFormat.count(ids.base64Count, "id was", "ids were") + " base64 (protobuf's JSON mapping) rather than hex; decoded as bytes")
        }
        if session.scanner.mismatches > 0 {
            let n = session.scanner.mismatches
            session.log.note("\(n) \(n == 1 ? "value has" : "values have") an unexpected JSON type or range and "
                             + "\(n == 1 ? "was" : "were") ignored (the first here)", at: session.scanner.firstMismatch)
        }
        if !otherSignals.isEmpty {
            let total = otherSignals.values.reduce(0, +)
            let kinds = otherSignals.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            session.log.note("skipped \(total) \(total == 1 ? "line" : "lines") holding OpenTelemetry signals "
                             + "other than traces (\(kinds))", at: firstOtherSignal)
        }
        if let firstUnknown {
            session.log.note("skipped \(unknownValues) top-level JSON \(unknownValues == 1 ? "value" : "values") "
                             + "that \(unknownValues == 1 ? "is" : "are") not traces (the first: \(firstUnknown.what))",
                             at: firstUnknown.offset)
        }
        if emptyArrays > 0 && session.spansDecoded == 0 { session.log.note("the input is an empty list: no spans") }
        if let otlp { otlp.spans.addNotes(to: &session.log) }
        if let jaeger { jaeger.addNotes(to: &session.log) }
        if let zipkin { zipkin.addNotes(to: &session.log) }
    }
}
