import TraceFormats
import TraceModel

/// Loads files, directories and standard input into one `SpanTable`.
///
/// Spans of one trace spread over several files or lines are merged into one trace; exact
/// duplicates are dropped (see `SpanTableBuilder.finish()`). Loading never stops at a bad input:
/// every problem becomes a message in the outcome.
public enum TraceLoader {
    /// Loads every input. O(total bytes + n log n) for sorting spans into traces.
    ///
    /// - Parameter progress: called on the loading thread after each file and now and then
    ///   within large files.
    public static func load(_ paths: [String], progress: (@Sendable (LoadProgress) -> Void)? = nil) -> LoadOutcome {
        let clock = ContinuousClock()
        let started = clock.now
        let (inputs, problems) = InputExpander.expand(paths)
        var state = LoadProgress(filesTotal: inputs.count, bytesTotal: inputs.reduce(0) { $0 + $1.size })
        var builder = SpanTableBuilder()
        var results: [LoadOutcome.FileResult] = []
        for input in inputs {
            state.current = input.path
            progress?(state)
            results.append(load(input, into: &builder, state: &state, progress: progress))
            state.filesDone += 1
            state.spans = builder.spanCount
            progress?(state)
        }
        let table = builder.finish()
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return LoadOutcome(table: table, files: results, pathProblems: problems, seconds: seconds)
    }

    /// Decodes bytes already in memory (tests, and inputs that do not come from files).
    public static func load(bytes: [UInt8], source: String) -> LoadOutcome {
        var builder = SpanTableBuilder()
        var result = LoadOutcome.FileResult(path: source, bytes: bytes.count, report: nil, failure: nil, ignored: false)
        do {
            result.report = try TraceDecoder.decode(bytes, source: source, into: &builder)
        } catch {
            result.failure = error.description
        }
        return LoadOutcome(table: builder.finish(), files: [result], pathProblems: [], seconds: 0)
    }

    /// Whether the bytes start (after white space) like JSON, or are gzip-compressed.
    static func mayHoldJSON(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if bytes.count >= 2, bytes[0] == 0x1f, bytes[1] == 0x8b { return true }
        for byte in bytes.prefix(4096) {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): continue
            case 0xEF, 0xBB, 0xBF: continue   // a UTF-8 byte-order mark
            case UInt8(ascii: "{"), UInt8(ascii: "["): return true
            default: return false
            }
        }
        return false
    }

    private static func load(_ input: InputFile, into builder: inout SpanTableBuilder, state: inout LoadProgress,
                             progress: (@Sendable (LoadProgress) -> Void)?) -> LoadOutcome.FileResult {
        var result = LoadOutcome.FileResult(path: input.path, bytes: 0, report: nil, failure: nil, ignored: false)
        // Map regular files; read standard input and whatever cannot be mapped.
        let mapped = input.isStandardInput ? nil : MappedFile(path: input.path)
        var readBytes: [UInt8] = []
        if mapped == nil {
            do {
                readBytes = try FileReader.read(input)
            } catch {
                result.failure = error.description
                return result
            }
        }
        let decoded: Int = readBytes.withUnsafeBytes { readBuffer in
            let bytes = mapped?.bytes ?? readBuffer
            result.bytes = bytes.count
            if input.isStandardInput { state.bytesTotal += bytes.count }
            // A directory also holds READMEs, scripts and the like: files that are not JSON (nor
            // gzip) at all are passed over without a word; JSON that is not a trace gets a note.
            if input.origin == .directory, !Self.mayHoldJSON(bytes) {
                result.ignored = true
                return bytes.count
            }
            let base = state.bytesDone
            let snapshot = state
            do throws(DecodeFailure) {
                result.report = try TraceDecoder.decode(bytes, source: input.path, into: &builder) { decoded in
                    var update = snapshot
                    update.bytesDone = base + decoded.bytes
                    update.spans = snapshot.spans + decoded.spans
                    progress?(update)
                }
            } catch {
                result.failure = error.description
                result.ignored = input.origin == .directory
            }
            return bytes.count
        }
        state.bytesDone += decoded
        return result
    }
}
