import CZlib

/// Decompresses gzip input with zlib, in memory.
///
/// Concatenated gzip members (as `cat a.gz b.gz` makes) are all decompressed. Truncated or
/// corrupt data keeps what decompressed before the damage and says so in `warning`; only input
/// that yields nothing at all is an error.
enum GzipInflater {
    struct Output {
        var bytes: [UInt8]
        /// Set when the data was truncated, corrupt or followed by junk.
        var warning: String?
    }

    /// True when the input starts with the gzip magic bytes 1f 8b.
    static func isGzip(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        input.count >= 2 && input[0] == 0x1F && input[1] == 0x8B
    }

    /// Inflates every member. O(input + output).
    ///
    /// Stops with `.tooLarge` as soon as the output would pass `limit` bytes, so a gzip bomb
    /// costs at most `limit` bytes of output buffer, never more.
    static func inflate(_ input: UnsafeBufferPointer<UInt8>, limit: Int) -> Result<Output, GzipError> {
        var stream = z_stream()
        // windowBits 15 + 32: accept a gzip or zlib header, detected automatically.
        guard inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return .failure(GzipError.corrupt("zlib could not start"))
        }
        defer { inflateEnd(&stream) }

        let chunkSize = 1 << 18
        let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
        defer { chunk.deallocate() }
        var out: [UInt8] = []
        out.reserveCapacity(min(input.count * 6, 1 << 30, limit))

        guard let start = input.baseAddress else { return .failure(GzipError.corrupt("empty input")) }
        var consumed = 0
        var warning: String?
        func feed() {
            let n = min(input.count - consumed, Int(UInt32.max))
            stream.next_in = UnsafeMutablePointer(mutating: start + consumed)
            stream.avail_in = UInt32(n)
        }
        feed()
        while true {
            stream.next_out = chunk
            stream.avail_out = UInt32(chunkSize)
            let before = Int(stream.avail_in)
            let rc = CZlib.inflate(&stream, Z_NO_FLUSH)
            consumed += before - Int(stream.avail_in)
            let produced = chunkSize - Int(stream.avail_out)
            if produced > limit - out.count { return .failure(.tooLarge(limit: limit)) }
            // Grow by doubling, but never past the limit (append alone could double past it).
            if out.count + produced > out.capacity {
                out.reserveCapacity(min(limit, max(out.capacity * 2, out.count + produced)))
            }
            if produced > 0 { out.append(contentsOf: UnsafeBufferPointer(start: chunk, count: produced)) }
            if stream.avail_in == 0 && consumed < input.count { feed() }

            switch rc {
            case Z_OK:
                continue
            case Z_STREAM_END:
                if consumed >= input.count { return .success(Output(bytes: out, warning: warning)) }
                if input.count - consumed >= 2 && start[consumed] == 0x1F && start[consumed + 1] == 0x8B {
                    inflateReset(&stream)
                    feed()
                    continue
                }
                if (consumed..<input.count).allSatisfy({ start[$0] == 0 }) {
                    return .success(Output(bytes: out, warning: warning))
                }
                warning = "ignored \(input.count - consumed) bytes of data after the end of the gzip stream"
                return .success(Output(bytes: out, warning: warning))
            case Z_BUF_ERROR where produced == 0:
                // No progress possible: the input ended inside a member.
                if out.isEmpty { return .failure(GzipError.corrupt("the gzip data is truncated before any content")) }
                warning = "the gzip data is truncated; loaded the \(out.count) bytes that decompressed"
                return .success(Output(bytes: out, warning: warning))
            case Z_BUF_ERROR:
                continue
            default:
                let reason = stream.msg.map { String(cString: $0) } ?? "error \(rc)"
                if out.isEmpty { return .failure(GzipError.corrupt(reason)) }
                warning = "the gzip data is corrupt after \(out.count) decompressed bytes (\(reason)); loaded what decompressed"
                return .success(Output(bytes: out, warning: warning))
            }
        }
    }
}
