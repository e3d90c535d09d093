import TraceModel

/// Decodes any supported input into a `SpanTableBuilder`.
///
/// The format is detected from the content (see `FormatDetector`), never from a file name;
/// gzip is recognized by its magic bytes. Decoding streams straight into the builder: strings
/// are interned from the input bytes and no document tree is built.
public enum TraceDecoder {
    /// Decodes one input: detects gzip and the format from the bytes, appends every valid span to
    /// `builder`, and reports what was skipped (with line/byte offsets) as warnings.
    /// O(input bytes).
    ///
    /// - Parameter limits: how far gzip input may inflate (`DecodeLimits.standard` by default).
    /// - Parameter progress: called now and then with the input bytes consumed and the spans decoded.
    /// - Throws: `DecodeFailure` when nothing in the input is a trace format, or when gzip data
    ///   inflates past `limits.maxInflatedBytes`.
    public static func decode(_ bytes: UnsafeRawBufferPointer, source: String, into builder: inout SpanTableBuilder,
                              limits: DecodeLimits = .standard,
                              progress: ((DecodeProgress) -> Void)? = nil) throws(DecodeFailure) -> DecodeReport {
        let input = bytes.assumingMemoryBound(to: UInt8.self)
        guard GzipInflater.isGzip(input) else {
            if let cut = ParallelLines.cut(input),
               let report = ParallelLines.decode(input, cut: cut, source: source, into: &builder, progress: progress,
                                                 inputSize: input.count, gzipped: false) {
                return report
            }
            if input.count >= ParallelLines.threshold { builder.reserve(forInputBytes: input.count) }
            var decoder = InputDecoder(input, source: source, progress: progress, inputSize: input.count)
            return try decoder.run(into: &builder, gzipped: false)
        }
        let inflated: GzipInflater.Output
        switch GzipInflater.inflate(input, limit: limits.maxInflatedBytes) {
        case .success(let output): inflated = output
        case .failure(.tooLarge(let limit)): throw .inflatesTooLarge(source: source, limit: limit)
        case .failure(.corrupt(let message)): throw .badGzip(source: source, detail: message)
        }
        let result: Result<DecodeReport, DecodeFailure> = inflated.bytes.withUnsafeBufferPointer { buffer in
            if let cut = ParallelLines.cut(buffer),
               let report = ParallelLines.decode(buffer, cut: cut, source: source, into: &builder, progress: progress,
                                                 inputSize: input.count, gzipped: true) {
                return .success(report)
            }
            if buffer.count >= ParallelLines.threshold { builder.reserve(forInputBytes: buffer.count) }
            var decoder = InputDecoder(buffer, source: source, progress: progress, inputSize: input.count)
            do throws(DecodeFailure) { return .success(try decoder.run(into: &builder, gzipped: true)) }
            catch { return .failure(error) }
        }
        var report = try result.get()
        if let warning = inflated.warning {
            report.warnings.insert(DecodeWarning(source: source, message: warning), at: 0)
        }
        return report
    }

    /// Convenience over an array.
    public static func decode(_ bytes: [UInt8], source: String, into builder: inout SpanTableBuilder,
                              limits: DecodeLimits = .standard,
                              progress: ((DecodeProgress) -> Void)? = nil) throws(DecodeFailure) -> DecodeReport {
        let result: Result<DecodeReport, DecodeFailure> = bytes.withUnsafeBytes { buffer in
            do throws(DecodeFailure) {
                return .success(try decode(buffer, source: source, into: &builder, limits: limits, progress: progress))
            }
            catch { return .failure(error) }
        }
        return try result.get()
    }
}
